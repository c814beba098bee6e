import { describe, expect, it } from 'vitest';
import { alertOperands } from './support/promql.js';

describe('alertOperands', () => {
  it('drops the threshold of a comparison', () => {
    expect(alertOperands('max by (job) (nodejs_eventloop_lag_p99_seconds) > 0.2')).toEqual([
      'max by (job) (nodejs_eventloop_lag_p99_seconds)',
    ]);
    expect(alertOperands('up{job=~"api|worker"} == 0')).toEqual(['up{job=~"api|worker"}']);
  });

  it('splits top-level set operators, dropping their matching clause', () => {
    expect(alertOperands('a:p99 > 0.5\nand on (job, route)\nb:rate5m > 0.1')).toEqual(['a:p99', 'b:rate5m']);
  });

  it('leaves operators inside label matchers, strings and function calls alone', () => {
    expect(alertOperands('sum by (x) (rate(m{status=~"5..|>"}[5m]) > 1 or n)')).toEqual([
      'sum by (x) (rate(m{status=~"5..|>"}[5m]) > 1 or n)',
    ]);
  });
});
