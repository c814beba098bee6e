import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OPS } from './support/prometheus.js';

const grafana = path.join(OPS, 'grafana');

describe('Grafana provisioning (ops/grafana)', () => {
  it('the dashboard has every section, at least 22 panels, all on the provisioned datasource', async () => {
    const dashboard = JSON.parse(await readFile(path.join(grafana, 'dashboards', 'eduplatform.json'), 'utf8'));
    const { datasources } = parse(
      await readFile(path.join(grafana, 'provisioning', 'datasources', 'prometheus.yml'), 'utf8'),
    );
    const rows = dashboard.panels.filter((p: any) => p.type === 'row').map((p: any) => p.title);
    const panels = dashboard.panels.filter((p: any) => p.type !== 'row');
    expect(rows).toEqual([
      'Traffic',
      'Latency',
      'Errors',
      'Database',
      'CQRS pipeline',
      'Realtime',
      'Business KPIs',
      'Runtime',
    ]);
    expect(panels.length).toBeGreaterThanOrEqual(22);
    expect(new Set(dashboard.panels.map((p: any) => p.id)).size).toBe(dashboard.panels.length);
    for (const panel of panels) {
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: datasources[0].uid });
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
    }
  });

  it('the dashboard provider loads the folder compose mounts the dashboards into', async () => {
    const { providers } = parse(
      await readFile(path.join(grafana, 'provisioning', 'dashboards', 'eduplatform.yml'), 'utf8'),
    );
    for (const compose of ['compose.yaml', 'compose.prod.yaml']) {
      const { services } = parse(await readFile(path.join(OPS, '..', compose), 'utf8'));
      expect(services.grafana.volumes).toContain(`./ops/grafana/dashboards:${providers[0].options.path}:ro`);
    }
  });
});
