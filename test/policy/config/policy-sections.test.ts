import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/policy/config/load.js';

describe('approvals and deprecation sections', () => {
  it('default to one Platform Lead plus one domain expert and a 30-day window', () => {
    const { settings, warnings } = parseConfigText('version: 1\n', 'g.yaml');
    expect(settings.approvals).toEqual({ platformLeads: [], domainExperts: [], required: { platformLead: 1, domainExpert: 1 }, requireCurrentHead: true, excludeLastPusher: true, requiredFor: 'changes' });
    expect(settings.deprecation).toEqual({ windowDays: 30 });
    expect(warnings).toEqual([]);
  });

  it('reads users and org/team principals, expert globs, counts and the override label', () => {
    const text = [
      'version: 1',
      'approvals:',
      '  platform-leads: acme/platform-leads',
      '  domain-experts:',
      '    - files: "schemas/market/**"',
      '      owners: [alice, acme/market-data]',
      '  required: { platform-lead: 1, domain-expert: 2 }',
      '  require-current-head: false',
      '  exclude-last-pusher: false',
      '  emergency-label: schema-emergency',
      'deprecation:',
      '  window-days: 14',
      '',
    ].join('\n');
    const { settings } = parseConfigText(text, 'g.yaml');
    expect(settings.approvals).toEqual({
      platformLeads: [{ kind: 'team', org: 'acme', slug: 'platform-leads' }],
      domainExperts: [{ files: 'schemas/market/**', owners: [{ kind: 'user', login: 'alice' }, { kind: 'team', org: 'acme', slug: 'market-data' }] }],
      required: { platformLead: 1, domainExpert: 2 },
      requireCurrentHead: false,
      excludeLastPusher: false,
      requiredFor: 'changes',
      emergencyLabel: 'schema-emergency',
    });
    expect(settings.deprecation.windowDays).toBe(14);
  });

  it.each([
    ['deprecation:\n  window-days: -1\n', 'g.yaml:3:16: deprecation.window-days: got -1'],
    ['approvals:\n  platform-lead: x\n', 'g.yaml:3:3: approvals.platform-lead: unknown key "platform-lead"; expected one of: platform-leads, domain-experts'],
    ['approvals:\n  domain-experts:\n    - files: "schemas/[a]"\n      owners: bob\n', 'g.yaml:4:14: approvals.domain-experts[0].files: got "schemas/[a]"'],
    ['approvals:\n  platform-leads: "not a login!"\n', 'g.yaml:3:19: approvals.platform-leads[0]: got "not a login!"; expected a GitHub login'],
    ['approvals:\n  exclude-last-pusher: "false"\n', 'g.yaml:3:24: approvals.exclude-last-pusher: got "false"; expected true or false'],
    ['approvals:\n  exclude-last-pushers: true\n', 'g.yaml:3:3: approvals.exclude-last-pushers: unknown key "exclude-last-pushers"; expected one of: platform-leads, domain-experts, required, require-current-head, exclude-last-pusher, required-for, emergency-label'],
  ])('reports %j with its line', (section, message) => {
    expect(() => parseConfigText(`version: 1\n${section}`, 'g.yaml')).toThrow(message);
  });
});
