import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cacheSvg, errorRateSvg, escapeHtml, histogramSvg, metricsHtml } from '../src/metricsRender';

const metrics = {
  components: {
    'fast/gpt-oss:20b': {
      count: 120, errorRate: 0.025, p50Ms: 180, p95Ms: 640, p99Ms: 910,
      histogram: [{ leMs: 100, count: 10 }, { leMs: 250, count: 70 }, { leMs: 1000, count: 38 }, { leMs: '+Inf', count: 2 }],
      series: [{ t: 1_700_000_000_000, errors: 0, count: 40 }, { t: 1_700_000_060_000, errors: 3, count: 40 }],
    },
  },
  caches: { prefix: { hits: 30, misses: 10, hitRate: 0.75 }, exact: { hits: 1, misses: 3 } },
};

describe('metricsHtml', () => {
  it('allows nothing from the network and only nonce-tagged style and script', () => {
    const html = metricsHtml({ kind: 'data', metrics, timeRange: '1h' }, 'N0NCE');
    assert.match(html, /default-src 'none'; img-src data:; style-src 'nonce-N0NCE'; script-src 'nonce-N0NCE';/);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3)/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="N0NCE">/);
    assert.doesNotMatch(html, / style="/);
  });

  it('draws a histogram, error rates over time and cache hit rates', () => {
    const html = metricsHtml({ kind: 'data', metrics, timeRange: '1h' }, 'n');
    assert.match(html, /<h3>fast\/gpt-oss:20b<\/h3>/);
    assert.match(html, /120 requests · 2\.5% errors · p50 180 ms · p95 640 ms · p99 910 ms/);
    assert.equal((html.match(/<rect class="bar"/g) ?? []).length, 4 + 2);
    assert.match(html, /<polyline class="line series0"/);
    assert.match(html, /prefix: 75%/);
    assert.match(html, /exact: 25%/);
  });

  it('says metrics are not available when the server has no such method', () => {
    const html = metricsHtml({ kind: 'unavailable', reason: 'this server version does not answer gptoss/metrics.' }, 'n');
    assert.match(html, /Metrics are not available yet/);
  });

  it('renders unexpected shapes without throwing', () => {
    for (const odd of [null, 42, 'text', [], { components: 5 }, { components: { a: null, b: { histogram: 'x', series: [{ t: 'never' }] } } }, { caches: { l: { hitRate: 'high' } } }]) {
      const html = metricsHtml({ kind: 'data', metrics: odd, timeRange: '1h' }, 'n');
      assert.match(html, /<\/html>$/);
    }
    assert.match(metricsHtml({ kind: 'data', metrics: {}, timeRange: '1h' }, 'n'), /No metrics recorded in the last 1h/);
  });

  it('escapes names that come from the server', () => {
    const html = metricsHtml({ kind: 'data', metrics: { caches: { '<img src=x onerror=alert(1)>': { hitRate: 0.5 } } }, timeRange: '1h' }, 'n');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x/);
  });
});

describe('chart pieces', () => {
  it('draw nothing without data', () => {
    assert.equal(histogramSvg('h', []), '');
    assert.equal(errorRateSvg([{ name: 'a', points: [] }]), '');
    assert.equal(cacheSvg(undefined), '');
  });

  it('escape every special character', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
