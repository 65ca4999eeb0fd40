/** The options every job takes to publish its run's metrics: a Pushgateway, a node_exporter textfile. */
import { option } from '../options/define.js';
import { InvalidValue, type Parser } from '../options/invalid-value.js';
import { pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { displayUrl, urlValue } from '../options/url.js';

const METRICS = 'Metrics';

const gatewayUrl = urlValue({ credentialsFrom: 'a proxy in front of the gateway' });

/** guardrails sends no credentials to a Pushgateway, so none may hide in its URL. */
const pushgatewayUrlValue: Parser<string> = (text, context) => {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i.test(text.trim())) throw new InvalidValue('holds credentials', 'guardrails sends none to a Pushgateway; give its URL without them');
  return gatewayUrl(text, context);
};

export const metricsOptions = {
  'pushgateway-url': option({
    placeholder: 'URL',
    description: 'Push the run\'s metrics to this Prometheus Pushgateway when it ends, failed runs too (group job/instance); a failed push only warns',
    env: 'GUARDRAILS_PUSHGATEWAY_URL',
    parse: pushgatewayUrlValue,
    display: displayUrl,
    group: METRICS,
  }),
  'metrics-instance': option({
    placeholder: 'NAME',
    description: 'The instance grouping key of the push (default "default"); keep it stable, never a pod or runner name',
    env: 'GUARDRAILS_METRICS_INSTANCE',
    parse: textValue(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, ".", "_", ":" or "-"'),
    fallback: 'default',
    group: METRICS,
  }),
  'metrics-file': option({
    placeholder: 'PATH',
    description: "Write the run's metrics to PATH in node_exporter's textfile format (e.g. DIR/guardrails_backup.prom), atomically",
    parse: pathValue('writable-file'),
    group: METRICS,
  }),
} as const;
