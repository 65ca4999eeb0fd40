// Runs s3rver in its own Node process, started with --openssl-legacy-provider: s3rver 3.7 encrypts its
// ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers through the legacy provider, so in a
// test process every second page would fail with a 500. Prints {"port": N} once listening; exits on SIGTERM.
// Usage: node --openssl-legacy-provider s3rver-child.mjs <directory> <bucket>...
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
