// bottleneck/light.js is the build @octokit/plugin-throttling uses (no Redis clustering); it ships
// no typings of its own, but it has the same API as the package's main entry.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
