// The plan report (web/report/plan.html): charts and tables from the page's plan.json.
(function () {
  'use strict';
  const plan = JSON.parse(document.getElementById('kd-data').textContent);

  function cell(row, text, header) {
    const c = document.createElement(header ? 'th' : 'td');
    c.textContent = text;
    row.appendChild(c);
  }

  function table(id, head, rows) {
    const t = document.getElementById(id);
    const h = t.insertRow();
    head.forEach((x) => cell(h, x, true));
    rows.forEach((r) => {
      const tr = t.insertRow();
      r.forEach((x) => cell(tr, x, false));
    });
  }

  function num(v) {
    return typeof v === 'number' ? v.toPrecision(4) : String(v);
  }

  document.getElementById('kd-meta').textContent =
    `${plan.objective.kind}: ${num(plan.objective.value)} ${plan.objective.unit} by ${plan.objective.by}; ` +
    `LP ${plan.lp.rows} rows, ${plan.lp.columns} columns, ${plan.lp.nonzeros} non-zeros, ${plan.lp.solves} solve(s)`;

  // Build-out: IT power at each period's end, summed per site kind.
  const byKind = {};
  plan.sites.forEach((s) => s.periods.forEach((p) => {
    const key = `${p.period}|${s.kind}`;
    byKind[key] = (byKind[key] || 0) + p.it_power_end_w / 1e9;
  }));
  const build = Object.entries(byKind).map(([k, gw]) => {
    const [period, kind] = k.split('|');
    return { period, kind, gw };
  });
  vegaEmbed('#kd-buildout', {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 720, height: 300, data: { values: build },
    mark: 'bar',
    encoding: {
      x: { field: 'period', type: 'ordinal', title: 'period' },
      y: { field: 'gw', type: 'quantitative', stack: 'zero', title: 'IT power in service [GW]' },
      color: { field: 'kind', type: 'nominal', title: 'site kind' },
    },
  }, { actions: false, renderer: 'svg' });
  const siteRows = [];
  plan.sites.forEach((s) => s.periods.forEach((p) => siteRows.push(
    [p.period, s.name, s.kind, num(p.bought), num(p.in_service_end), num(p.it_power_end_w / 1e9), num(p.spend_usd),
     num(p.launched_kg / 1e3)])));
  table('kd-sites', ['period', 'site', 'kind', 'bought', 'in service', 'IT GW', 'spend USD', 'launched t'], siteRows);

  // Shadow prices: one line per family and site, one panel per unit.
  const prices = plan.shadow_prices.filter((p) => p.kind !== 'facility').map((p) => ({
    period: p.period, value: p.value, unit: p.unit,
    family: p.site ? `${p.kind} ${p.site}` : p.kind,
  }));
  vegaEmbed('#kd-prices', {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values: prices },
    facet: { row: { field: 'unit', type: 'nominal', title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 720, height: 160, mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'period', type: 'ordinal' },
        y: { field: 'value', type: 'quantitative', title: 'shadow price' },
        color: { field: 'family', type: 'nominal' },
      },
    },
  }, { actions: false, renderer: 'svg' });

  // Binding set per period.
  const binding = {};
  plan.shadow_prices.forEach((p) => {
    if (!p.binding || p.kind === 'facility') return;
    (binding[p.period] = binding[p.period] || []).push(p.text);
  });
  table('kd-binding', ['period', 'binding constraints (shadow price)'],
    plan.periods.map((p) => [p, (binding[p] || ['none']).join('; ')]));
})();
