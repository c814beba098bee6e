import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { OPS } from './support/prometheus.js';

// kubernetes-models validates against the Kubernetes OpenAPI schemas compiled into the package (offline).
const MODELS = { Deployment, HorizontalPodAutoscaler, Ingress, PodDisruptionBudget, ConfigMap, Secret, Service };

interface Manifest {
  file: string;
  object: any;
}

async function manifests(dir = path.join(OPS, 'k8s')): Promise<Manifest[]> {
  const found: Manifest[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await manifests(file)));
    else if (entry.name.endsWith('.yaml')) {
      for (const document of parseAllDocuments(await readFile(file, 'utf8'))) {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
        found.push({ file: path.relative(OPS, file), object: document.toJS() });
      }
    }
  }
  return found;
}

/** The schema errors of one object, or the reason it cannot be checked. */
function schemaErrors({ object }: Manifest): string | undefined {
  const Model = MODELS[object.kind as keyof typeof MODELS];
  if (!Model || object.apiVersion !== Model.apiVersion) return `no schema for ${object.apiVersion} ${object.kind}`;
  try {
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const find = (all: Manifest[], kind: string, name: string) =>
  all.find((m) => m.object.kind === kind && m.object.metadata.name === name)?.object;
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('Kubernetes manifests (ops/k8s)', () => {
  it('every object is valid against its Kubernetes schema', async () => {
    const all = await manifests();
    expect(all.map((m) => `${m.file} ${m.object.kind}`)).toEqual(
      expect.arrayContaining(['k8s/api.yaml Deployment', 'k8s/worker.yaml Deployment', 'k8s/ingress.yaml Ingress']),
    );
    expect(all.map((m) => ({ file: m.file, kind: m.object.kind, error: schemaErrors(m) }))).toEqual(
      all.map((m) => ({ file: m.file, kind: m.object.kind, error: undefined })),
    );
  });

  it('the validator rejects a broken manifest', async () => {
    const deployment = structuredClone(find(await manifests(), 'Deployment', 'api'));
    deployment.spec.replicas = 'two';
    delete deployment.spec.template.spec.containers[0].name;
    expect(schemaErrors({ file: 'broken', object: deployment })).toMatch(/replicas must be integer/);
  });

  it('each role has probes, resources, an autoscaler and a disruption budget; the Ingress reaches the api', async () => {
    const all = await manifests();
    for (const role of ['api', 'worker']) {
      const deployment = find(all, 'Deployment', role);
      const labels = deployment.spec.template.metadata.labels;
      expect(selects(deployment.spec.selector.matchLabels, labels)).toBe(true);
      const [container] = deployment.spec.template.spec.containers;
      expect(container.env).toContainEqual({ name: 'ROLE', value: role });
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.resources.requests).toBeDefined();
      expect(container.envFrom).toContainEqual({ secretRef: { name: 'eduplatform' } });
      expect(find(all, 'HorizontalPodAutoscaler', role).spec.scaleTargetRef).toMatchObject({
        kind: 'Deployment',
        name: role,
      });
      expect(selects(find(all, 'PodDisruptionBudget', role).spec.selector.matchLabels, labels)).toBe(true);
    }
    const api = find(all, 'Deployment', 'api').spec.template;
    expect(api.spec.containers[0].readinessProbe.httpGet.path).toBe('/health/ready');
    const service = find(all, 'Service', 'api');
    expect(selects(service.spec.selector, api.metadata.labels)).toBe(true);
    const backend = find(all, 'Ingress', 'eduplatform').spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe('api');
    expect(service.spec.ports.map((p: { name: string }) => p.name)).toContain(backend.port.name);
  });

  it('holds no secret: the only Secret is the example, with placeholder values', async () => {
    const secrets = (await manifests()).filter((m) => m.object.kind === 'Secret');
    expect(secrets.map((m) => m.file)).toEqual(['k8s/examples/secret.yaml']);
    for (const value of Object.values(secrets[0].object.stringData) as string[]) expect(value).toMatch(/CHANGE-ME/);
  });
});
