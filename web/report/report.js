// kardashev report: builds the tables and the Vega-Lite charts of report.html from the JSON that io wrote into
// the page (#kd-data). Vega, Vega-Lite and vega-embed are inlined above as classic scripts (globals vega,
// vegaLite, vegaEmbed). window.kdReport exposes the views and the render time to the browser test.
(function () {
  'use strict';

  const state = { done: false, error: null, views: [], renderMs: null, scriptMs: performance.now() };
  window.kdReport = state;
  const data = JSON.parse(document.getElementById('kd-data').textContent);
  const summary = data.summary;
  const buckets = data.sampling.buckets;

  // --- numbers --------------------------------------------------------------------------------------------
  // Units written straight after an SI prefix ("1.2 GW"); any other unit gets a space ("315 G USD").
  const SI_SYMBOLS = new Set(['W', 'Wh', 'J', 'B', 'B/s', 'FLOP', 'FLOP/s', 'm²', 'g', 'h']);
  const PREFIXES = [[1e24, 'Y'], [1e21, 'Z'], [1e18, 'E'], [1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'],
                    [1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n']];

  /** 3 significant digits with an SI prefix: si(1.2e9, 'W') = "1.2 GW"; si(3.15e11, 'USD') = "315 G USD". */
  function si(v, unit) {
    if (v === null || v === undefined || typeof v !== 'number' || !isFinite(v)) return '–';
    unit = unit || '';
    if (v === 0) return unit ? '0 ' + unit : '0';
    const r = Number(v.toPrecision(3));
    const a = Math.abs(r);
    if (a >= 1e27) return r.toExponential(2).replace('e+', 'e') + (unit ? ' ' + unit : '');
    let f = 1, p = '';
    if (a >= 1e3 || SI_SYMBOLS.has(unit)) {
      for (const [factor, name] of PREFIXES) {
        if (a >= factor) { f = factor; p = name; break; }
      }
      if (a < 1e-9) { f = 1e-9; p = 'n'; }
    }
    const num = String(Number((r / f).toPrecision(3)));
    if (!unit) return p ? num + ' ' + p : num;
    return SI_SYMBOLS.has(unit) ? num + ' ' + p + unit : num + ' ' + (p ? p + ' ' : '') + unit;
  }
  vega.expressionFunction('kdsi', si);

  const pct = (x) => (100 * x).toFixed(1) + ' %';
  const date = (iso) => String(iso).slice(0, 10);
  const stepDays = Number(data.sampling.steps) > 0
    ? (Date.parse(summary.end_utc) - Date.parse(summary.start_utc)) / 86400000 / Number(data.sampling.steps) : 1;

  // --- tables -----------------------------------------------------------------------------------------------
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function table(id, head, rows, numeric) {
    const t = document.getElementById(id);
    if (head) {
      const tr = el('tr');
      head.forEach((h, i) => tr.appendChild(el('th', numeric && numeric[i] ? { class: 'num' } : {}, h)));
      t.appendChild(el('thead')).appendChild(tr);
    }
    const body = t.appendChild(el('tbody'));
    for (const row of rows) {
      const tr = body.appendChild(el('tr'));
      row.forEach((cell, i) => {
        if (head === null && i === 0) { tr.appendChild(el('th', {}, cell)); return; }
        const attrs = {};
        if (numeric && numeric[i]) attrs.class = 'num';
        if (cell && typeof cell === 'object') { attrs.class = cell.cls; tr.appendChild(el('td', attrs, cell.text)); return; }
        tr.appendChild(el('td', attrs, cell));
      });
    }
  }

  const bindingNames = Object.keys(summary.binding_steps);
  const totalSteps = Number(summary.steps) || 1;
  document.getElementById('kd-meta').textContent =
    `seed ${summary.seed} · ${date(summary.start_utc)} to ${date(summary.end_utc)} · ${summary.steps} steps of ` +
    `${Number(stepDays.toFixed(3))} d · kardashev ${summary.kardashev_version}`;
  table('kd-headline', null, [
    ['Model generations', String(summary.generations.length)],
    ['Unique tokens in the corpus at the end', si(summary.final_unique_tokens, 'tokens')],
    ['Bytes uploaded', si(summary.total_bytes_uploaded, 'B')],
    ['Capital spending', si(summary.costs_usd.capex, 'USD')],
    ...(summary.costs_usd.power_plant_capex > 0 ? [['of which power plants', si(summary.costs_usd.power_plant_capex, 'USD')]] : []),
    ['Energy spending', si(summary.costs_usd.energy_opex, 'USD')],
    ['Depreciation', si(summary.costs_usd.depreciation, 'USD')],
    ...(typeof summary.costs_usd.capital_charge === 'number' ? [['Capital charge (cost of capital on book value)', si(summary.costs_usd.capital_charge, 'USD')]] : []),
    ['Cost per accelerator-hour', summary.costs_usd.per_accelerator_hour.toFixed(2) + ' USD'],
    ['Accelerator-hours', si(summary.accelerator_hours, 'h')],
    ['Energy used', si(summary.total_energy_j / 3600, 'Wh')],
    ...(typeof summary.emissions_kg === 'number' ? [['CO2 emitted', si(summary.emissions_kg * 1e3, 'g CO2')]] : []),
    ['Peak facility power', si(summary.peak_facility_power_w, 'W')],
    ['Peak Kardashev index', summary.kardashev_index_peak.toFixed(3)],
    ...(typeof summary.peak_sun_share === 'number' ? [
      ['Peak power / the Sun\'s luminosity', summary.peak_sun_share.toPrecision(3)],
      ['Peak power / the sunlight the Earth intercepts', summary.peak_earth_sunlight_share.toPrecision(3)]] : []),
    ...('orbit_cheaper_than_ground_from' in summary ? [
      ['New orbit accelerator-hour cheaper than the ground from', summary.orbit_cheaper_than_ground_from || 'never'],
      ['New Moon accelerator-hour cheaper than the ground from', summary.moon_cheaper_than_ground_from || 'never']] : []),
    ...(Array.isArray(summary.warnings) ? summary.warnings.map((w) => ['Warning', w.message]) : []),
    ...bindingNames.map((k) => [`Steps bound by ${k}`,
      `${summary.binding_steps[k]} (${pct(summary.binding_steps[k] / totalSteps)})`]),
    ...Object.entries(summary.buildout_binding_steps || {}).filter(([, v]) => v > 0).map(([k, v]) =>
      [`Steps the build-out was bound by ${k === 'compute' ? 'its plan' : k}`, `${v} (${pct(v / totalSteps)})`]),
    ...Object.entries(summary.supply_binding_steps || {}).filter(([, v]) => v > 0).map(([k, v]) =>
      [`Steps the compute supply was bound by ${k === 'compute' ? 'the plan' : k} (data aside)`, `${v} (${pct(v / totalSteps)})`]),
  ]);
  table('kd-fleet-final', null, Object.entries(summary.final_fleet_units).map(([k, v]) => [`Fleet at the end: ${k}`, si(v, '')]));
  table('kd-generations', ['gen', 'started', 'released', 'FLOP', 'effective FLOP', 'parameters', 'tokens', 'unique tokens',
    'loss [nats/token]', 'quality', 'bound by'],
    summary.generations.map((g) => [String(g.index), date(g.started_utc), date(g.released_utc), si(g.flop, 'FLOP'),
      typeof g.effective_flop === 'number' ? si(g.effective_flop, 'FLOP') : '–', si(g.params, ''),
      si(g.tokens, ''), si(g.unique_tokens, ''), g.loss_nats_per_token.toFixed(4),
      typeof g.quality === 'number' ? g.quality.toFixed(4) : '–', g.binding]),
    [true, false, false, true, true, true, true, true, true, true, false]);
  table('kd-sites', ['site', 'kind', 'accelerator-hours', 'peak IT power', 'capex', 'depreciation', 'energy', 'energy cost',
    'USD per accelerator-hour', 'failed accelerators', 'retired accelerators', 'CO2 emitted'],
    summary.sites.map((s) => [s.name, s.kind, si(s.accelerator_hours, 'h'), si(s.peak_it_power_w, 'W'), si(s.capex_usd, 'USD'),
      si(s.depreciation_usd, 'USD'), si(s.energy_j / 3600, 'Wh'), si(s.energy_usd, 'USD'),
      s.cost_per_accelerator_hour_usd.toFixed(2), typeof s.failed_accelerators === 'number' ? si(s.failed_accelerators, '') : '–',
      typeof s.retired_accelerators === 'number' ? si(s.retired_accelerators, '') : '–',
      typeof s.emissions_kg === 'number' ? si(s.emissions_kg * 1e3, 'g') : '–']),
    [false, false, true, true, true, true, true, true, true, true, true, true]);
  table('kd-parts', ['site', 'accelerator', 'bought', 'accelerator-hours', 'USD per accelerator-hour'],
    summary.sites.flatMap((s) => (s.parts || []).map((p) => [s.name, p.accelerator, si(p.bought, ''),
      si(p.accelerator_hours, 'h'), p.cost_per_accelerator_hour_usd.toFixed(2)])),
    [false, false, true, true, true]);

  const kindNames = ['ground', 'orbit', 'moon'];
  table('kd-years', ['year', ...kindNames.flatMap((k) => [`${k} launches`, `${k} launched mass`, `${k} IT power added`])],
    (summary.years || []).map((y) => [String(y.year), ...kindNames.flatMap((k) => [y[k].launches.toPrecision(3),
      si(y[k].launched_mass_kg / 1000, 't'), si(y[k].it_power_added_w, 'W')])]),
    [true, true, true, true, true, true, true, true, true, true]);

  const kinds = new Set(summary.sites.map((s) => s.kind));
  const compare = kinds.has('orbit') || kinds.has('moon');
  if (compare) {
    const d = (s, k, f) => (s.design ? f(s.design[k]) : '–');
    table('kd-design', ['site', 'kind', 'USD per accelerator-hour (run)', 'peak IT power', 'kg per kW', 'mass', 'launches',
      'array area', 'radiator area', 'battery', 'USD per kW-year', 'USD per GPU-hour (design)'],
      summary.sites.map((s) => [s.name, s.kind, s.cost_per_accelerator_hour_usd.toFixed(2), si(s.peak_it_power_w, 'W'),
        d(s, 'kg_per_kw', (x) => x.toFixed(1)), d(s, 'mass_kg', (x) => si(x / 1000, 't')), d(s, 'launches', (x) => String(Math.ceil(x))),
        d(s, 'array_area_m2', (x) => si(x, 'm²')), d(s, 'radiator_area_m2', (x) => si(x, 'm²')),
        d(s, 'battery_kwh', (x) => si(x * 1000, 'Wh')), d(s, 'usd_per_kw_year', (x) => si(x, 'USD')),
        d(s, 'usd_per_gpu_hour', (x) => x.toFixed(2))]),
      [false, false, true, true, true, true, true, true, true, true, true, true]);
  } else {
    document.getElementById('kd-comparison').hidden = true;
  }

  table('kd-inputs', ['key', 'value', 'source', 'note'],
    data.inputs.map((r) => [r.path, r.value, { text: r.source, cls: 'src-' + r.source }, { text: r.note || '', cls: 'note' }]));
  document.getElementById('kd-events-count').textContent = `${data.events.length} events (events.csv)`;
  table('kd-events', ['time (UTC)', 'kind', 'entity', 'detail'], data.events.map((e) => [e.t, e.kind, e.entity, e.detail]));

  // --- series -----------------------------------------------------------------------------------------------
  const WORD = { step: 'step', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };
  const bucketWord = WORD[data.sampling.bucket] || data.sampling.bucket;
  const perStep = data.sampling.bucket === 'step';
  function sampling(agg) {
    if (perStep) return 'every step (not down-sampled)';
    if (agg === 'mean') return `mean of each ${bucketWord}, plotted mid-${bucketWord}`;
    if (agg === 'sum') return `total of each ${bucketWord}`;
    if (agg === 'max') return `peak of each ${bucketWord}`;
    return `value at the end of each ${bucketWord}`;
  }
  document.getElementById('kd-sampling').textContent = perStep
    ? `Charts show every one of the ${data.sampling.steps} steps.`
    : `Charts show the ${data.sampling.steps} steps of timeseries.csv in ${buckets.length} calendar ${bucketWord}s ` +
      `(UTC): rates and powers as ${bucketWord}ly means, stocks and running totals as their value at the end of the ` +
      `${bucketWord}, energy as the ${bucketWord}'s total; each chart's subtitle says which. The binding constraint is ` +
      `drawn exactly, step by step. timeseries.csv in the run folder holds every step.`;

  const find = (pred) => data.series.filter(pred);
  /** Long rows {t, series, v} of channels; `name` labels each channel; `log` drops values a log scale cannot show. */
  function rows(channels, name, log) {
    const out = [];
    for (const c of channels) {
      const x = c.agg === 'last' ? 'end' : 'mid';
      c.values.forEach((v, i) => {
        if (v === null || (log && !(v > 0))) return;
        out.push({ t: Date.parse(buckets[i][x]), series: name(c), v: v });
      });
    }
    return out;
  }
  const strip = (entity) => entity.replace(/^[a-z]+\//, '');

  const charts = [];
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    height: 240,
    config: {
      customFormatTypes: true,
      font: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif',
      title: { anchor: 'start', fontSize: 14, subtitleColor: '#5b6475' },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { orient: 'bottom', columns: 4, labelLimit: 220 },
    },
  };
  // Yearly ticks over a long run, dated ticks over a short one.
  const longRun = Date.parse(summary.end_utc) - Date.parse(summary.start_utc) > 2.5 * 365.25 * 86400000;
  const timeTicks = longRun ? { format: '%Y', tickCount: { interval: 'year', step: 1 } } : { format: '%Y-%m-%d', tickCount: 5 };
  const timeAxis = { field: 't', type: 'temporal', scale: { type: 'utc' }, title: 'date (UTC)', axis: timeTicks };

  /** Tick values of a log axis: powers of ten over the data (every other one past eight decades), so that the axis
   *  draws a few labelled grid lines instead of nine a decade. */
  function decades(values, field) {
    let lo = Infinity, hi = -Infinity;
    for (const d of values) if (d[field] > 0) { lo = Math.min(lo, d[field]); hi = Math.max(hi, d[field]); }
    if (!(hi >= lo)) return undefined;
    const a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
    const every = b - a > 8 ? 2 : 1;
    const out = [];
    for (let k = a; k <= b; k += every) out.push(Math.pow(10, k));
    return out;
  }

  function lineChart(id, title, subtitle, values, unit, yTitle, opts) {
    opts = opts || {};
    if (!values.length) return;
    const y = { field: 'v', type: 'quantitative', title: yTitle,
                axis: opts.log ? { format: unit, formatType: 'kdsi', values: decades(values, 'v') } : { format: unit, formatType: 'kdsi', tickCount: 5 },
                scale: opts.log ? { type: 'log' } : { zero: true } };
    charts.push({ id, spec: Object.assign({}, base, {
      title: { text: title, subtitle: subtitle },
      data: { values },
      mark: { type: 'line', interpolate: opts.step ? 'step-after' : 'linear' },
      encoding: {
        x: timeAxis,
        y,
        color: { field: 'series', type: 'nominal', title: opts.legend || null, sort: opts.order || null },
        strokeDash: opts.dash ? { field: 'series', type: 'nominal', title: opts.legend || null, sort: opts.order || null,
                                  scale: { domain: opts.order, range: opts.dash } } : undefined,
        tooltip: [{ field: 'series', title: opts.legend || 'series' }, { field: 't', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'date' },
                  { field: 'v', title: yTitle, format: unit, formatType: 'kdsi' }],
      },
    }) });
  }

  // Binding constraint: exact runs of steps.
  if (data.binding.length) {
    const order = ['data', 'bandwidth', 'compute', 'power', 'money', 'lunar_industry', 'launch'];
    charts.push({ id: 'chart-binding', spec: Object.assign({}, base, {
      height: 46,
      title: { text: 'Binding constraint', subtitle: 'what limited the flywheel in each step (exact: every step, no down-sampling)' },
      data: { values: data.binding.map((b) => Object.assign({}, b, { t0: Date.parse(b.start), t1: Date.parse(b.end) })) },
      mark: { type: 'rect' },
      encoding: {
        x: { field: 't0', type: 'temporal', scale: { type: 'utc' }, title: 'date (UTC)', axis: timeTicks },
        x2: { field: 't1' },
        color: { field: 'constraint', type: 'nominal', title: 'bound by', scale: { domain: order, range: ['#4c78a8', '#72b7b2', '#54a24b', '#e45756', '#b279a2'] } },
        tooltip: [{ field: 'constraint', title: 'bound by' }, { field: 'start', title: 'from' }, { field: 'end', title: 'to' },
                  { field: 'steps', title: 'steps', type: 'quantitative' }],
      },
    }) });
  }

  /** Marks dated events on a chart already pushed: a dashed rule at each date, its event in the tooltip. */
  function markDates(id, events) {
    const chart = charts.find((c) => c.id === id);
    if (!chart || !events.length) return;
    const { data: lineData, mark, encoding, ...rest } = chart.spec;
    chart.spec = Object.assign({}, rest, { layer: [
      { data: lineData, mark, encoding },
      { data: { values: events }, mark: { type: 'rule', strokeDash: [4, 3], color: '#6b7280' },
        encoding: { x: timeAxis, tooltip: [{ field: 't', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'date' },
                                           { field: 'kind', title: 'event' }, { field: 'detail', title: 'what' }] } },
    ] });
  }

  const fleet = find((c) => c.entity.startsWith('fleet/') && c.metric === 'units');
  const fleetEventKinds = ['cohort_start', 'cohort_end', 'production_change', 'region_approval'];
  const fleetEvents = data.events.filter((e) => fleetEventKinds.includes(e.kind))
    .map((e) => ({ t: Date.parse(e.t), kind: e.kind, detail: e.detail }));
  lineChart('chart-fleet', 'Fleet by cohort',
    `units in service; ${sampling('last')}; log scale` + (fleetEvents.length ? '; dashed lines: dated fleet events (events.csv)' : ''),
    rows(fleet, (c) => strip(c.entity), true), '', 'units in service', { log: true, legend: 'cohort' });
  markDates('chart-fleet', fleetEvents);

  const funnel = [['fleet', 'collected', 'collected (raw)'], ['fleet', 'upload_demand', 'selected for upload'],
                  ['uplink', 'capacity', 'uplink capacity'], ['uplink', 'carried', 'uploaded'], ['corpus', 'curated', 'kept by curation']];
  const funnelChannels = [];
  for (const [e, m, label] of funnel) for (const c of find((c) => c.entity === e && c.metric === m)) funnelChannels.push([c, label]);
  const funnelOrder = funnelChannels.map(([, l]) => l);
  lineChart('chart-data', 'Data: collected, uploaded, curated', `bytes per second; ${sampling('mean')}; log scale`,
    rows(funnelChannels.map(([c]) => c), (c) => funnelChannels.find(([d]) => d === c)[1], true), 'B/s', 'data rate',
    { log: true, legend: null, order: funnelOrder,
      dash: funnelOrder.map((l) => (l === 'uplink capacity' ? [5, 3] : [1, 0])) });

  // Corpus: unique tokens, with the tokens each generation trained on (repeats counted) at its release.
  const corpus = find((c) => c.entity === 'corpus' && c.metric === 'unique_tokens');
  if (corpus.length) {
    const vals = rows(corpus, () => 'unique tokens in the corpus', true)
      .concat(summary.generations.filter((g) => g.tokens > 0).map((g) => ({ t: Date.parse(g.released_utc), series: 'tokens trained on, per generation', v: g.tokens })));
    charts.push({ id: 'chart-corpus', spec: Object.assign({}, base, {
      title: { text: 'Training corpus', subtitle: `unique tokens, ${sampling('last')}; points: each generation's training tokens at its release; log scale` },
      data: { values: vals },
      layer: [
        { transform: [{ filter: "datum.series === 'unique tokens in the corpus'" }], mark: { type: 'line' } },
        { transform: [{ filter: "datum.series !== 'unique tokens in the corpus'" }], mark: { type: 'point', filled: true, size: 30 } },
      ],
      encoding: {
        x: timeAxis,
        y: { field: 'v', type: 'quantitative', title: 'tokens', scale: { type: 'log' }, axis: { format: '', formatType: 'kdsi', values: decades(vals, 'v') } },
        color: { field: 'series', type: 'nominal', title: null },
        tooltip: [{ field: 'series' }, { field: 't', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'date' },
                  { field: 'v', title: 'tokens', format: 'tokens', formatType: 'kdsi' }],
      },
    }) });
  }

  // Model loss by generation (summary.json).
  if (summary.generations.length) {
    charts.push({ id: 'chart-loss', spec: Object.assign({}, base, {
      title: { text: 'Model loss by generation', subtitle: 'loss of each generation at its release (summary.json); colour: the constraint that bound its training' },
      data: { values: summary.generations.map((g) => ({ t: Date.parse(g.released_utc), gen: g.index, loss: g.loss_nats_per_token, flop: g.flop,
                                                         params: g.params, tokens: g.tokens, binding: g.binding })) },
      layer: [
        { mark: { type: 'line', color: '#9aa3b2', interpolate: 'step-after' } },
        { mark: { type: 'point', filled: true, size: 45 },
          encoding: { color: { field: 'binding', type: 'nominal', title: 'bound by',
                               scale: { domain: ['data', 'bandwidth', 'compute', 'power', 'money', 'lunar_industry', 'launch'], range: ['#4c78a8', '#72b7b2', '#54a24b', '#e45756', '#b279a2', '#9d755d', '#f58518'] } } } },
      ],
      encoding: {
        x: { field: 't', type: 'temporal', scale: { type: 'utc' }, title: 'release date (UTC)', axis: timeTicks },
        y: { field: 'loss', type: 'quantitative', title: 'loss [nats/token]', scale: { zero: false }, axis: { format: '.3f' } },
        tooltip: [{ field: 'gen', title: 'generation' }, { field: 't', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'released' },
                  { field: 'loss', title: 'loss [nats/token]', format: '.4f' }, { field: 'flop', title: 'FLOP', format: 'FLOP', formatType: 'kdsi' },
                  { field: 'params', title: 'parameters', format: '', formatType: 'kdsi' }, { field: 'tokens', title: 'tokens', format: '', formatType: 'kdsi' },
                  { field: 'binding', title: 'bound by' }],
      },
    }) });
  }

  // Model lines (fleet.lines): a panel per line with its deployed model's quality and its corpus; the subtitle says
  // what bound it and for how many steps (summary.json lines[].binding_steps).
  const lineList = summary.lines || [];
  if (!lineList.length) document.getElementById('lines').style.display = 'none';
  for (const line of lineList) {
    const id = `chart-line-${line.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    document.getElementById('kd-lines').appendChild(el('div', { class: 'chart', id }));
    const entity = `line/${line.name}`;
    const bound = Object.entries(line.binding_steps).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
    lineChart(id, `Line: ${line.name}`, `deployed quality and unique tokens / final unique tokens, ${sampling('last')}; steps bound by ${bound}`,
      rows(find((c) => c.entity === entity && c.metric === 'deployed_quality'), () => 'deployed quality', false).concat(
        rows(find((c) => c.entity === entity && c.metric === 'unique_tokens'), () => 'corpus (share of final)', false)
          .map((r) => Object.assign(r, { v: line.final_unique_tokens > 0 ? r.v / line.final_unique_tokens : 0 }))),
      '', 'share', { legend: null });
  }

  const sites = (metric) => find((c) => c.entity.startsWith('site/') && c.metric === metric);
  lineChart('chart-accelerators', 'Compute by site', `accelerators installed; ${sampling('last')}; log scale`,
    rows(sites('accelerators'), (c) => strip(c.entity), true), '', 'accelerators', { log: true, legend: 'site' });
  lineChart('chart-flop', 'Training compute delivered', `FLOP per second into the current generation; ${sampling('mean')}`,
    rows(find((c) => c.entity === 'training' && c.metric === 'flop_rate'), () => 'delivered', false), 'FLOP/s', 'training compute',
    { legend: null });
  lineChart('chart-power', 'Power by site', `facility power (IT x PUE); ${sampling('mean')}; log scale`,
    rows(sites('facility_power'), (c) => strip(c.entity), true), 'W', 'facility power', { log: true, legend: 'site' });
  lineChart('chart-energy', 'Energy by site', `facility energy, ${sampling('sum')} (facility power x step length, summed); log scale`,
    rows(sites('energy'), (c) => strip(c.entity), true), 'Wh', `energy per ${bucketWord}`, { log: true, legend: 'site' });

  const costNames = { capex_cumulative: 'capital spending', opex_cumulative: 'energy spending', depreciation_cumulative: 'depreciation' };
  lineChart('chart-costs', 'Costs', `cumulative since the start; ${sampling('last')}`,
    rows(find((c) => c.entity === 'economy' && costNames[c.metric]), (c) => costNames[c.metric], false), 'USD', 'cumulative cost',
    { legend: null, order: Object.values(costNames) });

  // Money (a scenario with a `money` section): cash and debt, revenue by cohort, training vs serving accelerators.
  const moneyNames = { cash: 'cash', debt: 'debt', equity_raised: 'equity raised', revenue_cumulative: 'revenue' };
  lineChart('chart-cash', 'Cash flow', `cash, debt outstanding, equity raised and revenue since the start; ${sampling('last')}`,
    rows(find((c) => c.entity === 'money' && moneyNames[c.metric]), (c) => moneyNames[c.metric], false), 'USD', 'USD',
    { legend: null, order: Object.values(moneyNames) });
  lineChart('chart-revenue', 'Revenue by cohort', `cumulative since the start; ${sampling('last')}`,
    rows(find((c) => c.entity === 'revenue'), (c) => c.metric, false), 'USD', 'cumulative revenue', { legend: 'cohort' });
  const served = find((c) => c.entity === 'serving' && c.metric === 'accelerators');
  if (served.length) {
    const installed = sites('accelerators');
    const training = { agg: served[0].agg, values: served[0].values.map((v, i) =>
      v === null ? null : installed.reduce((sum, c) => sum + (c.values[i] || 0), 0) - v) };
    lineChart('chart-serving', 'Training and serving', `accelerators serving the cohorts and the rest (training); ${sampling('last')}`,
      rows(served, () => 'serving', false).concat(rows([training], () => 'training', false)), '', 'accelerators',
      { legend: null, order: ['training', 'serving'] });
  }

  if (compare) {
    charts.push({ id: 'chart-compare', spec: Object.assign({}, base, {
      height: { step: 26 },
      title: { text: 'Cost per accelerator-hour by site', subtitle: 'capital (depreciated over the run) and energy, per accelerator-hour run (summary.json); log scale' },
      data: { values: summary.sites.filter((s) => s.cost_per_accelerator_hour_usd > 0)
        .map((s) => ({ site: s.name, kind: s.kind, usd: s.cost_per_accelerator_hour_usd, hours: s.accelerator_hours })) },
      mark: { type: 'point', filled: true, size: 90 },
      encoding: {
        y: { field: 'site', type: 'nominal', title: null, sort: null },
        x: { field: 'usd', type: 'quantitative', title: 'USD per accelerator-hour', scale: { type: 'log' },
             axis: { format: 'USD', formatType: 'kdsi', values: decades(summary.sites.map((s) => ({ v: s.cost_per_accelerator_hour_usd })), 'v') } },
        color: { field: 'kind', type: 'nominal', title: 'kind', scale: { domain: ['ground', 'orbit', 'moon'], range: ['#54a24b', '#4c78a8', '#9d755d'] } },
        tooltip: [{ field: 'site' }, { field: 'kind' }, { field: 'usd', title: 'USD per accelerator-hour', format: '.2f' },
                  { field: 'hours', title: 'accelerator-hours', format: 'h', formatType: 'kdsi' }],
      },
    }) });
  }

  // Charts whose data the run does not record leave their box empty with a note.
  for (const id of ['chart-binding', 'chart-fleet', 'chart-data', 'chart-corpus', 'chart-loss', 'chart-accelerators', 'chart-flop',
                    'chart-power', 'chart-energy', 'chart-costs', 'chart-cash', 'chart-revenue', 'chart-serving']) {
    if (!charts.some((c) => c.id === id)) document.getElementById(id).appendChild(el('p', { class: 'note' }, `${id.slice(6)}: not recorded in this run`));
  }

  document.getElementById('kd-footer').textContent =
    `Rendered by kardashev ${summary.kardashev_version} from summary.json, timeseries.csv, events.csv and scenario.resolved.yaml ` +
    '(`kardashev report RUN_DIR` renders it again). Charts: Vega-Lite, inlined; the page needs no network.';

  const plotWidth = (id) => Math.max(280, document.getElementById(id).clientWidth - 110);
  // Each chart gets a fixed plot width from its box (less room for the y axis) and autosize "pad": Vega lays it out
  // once, where width "container" with "fit" lays every chart out twice (a quarter more work at load).
  for (const c of charts) {
    c.spec.width = plotWidth(c.id);
    c.spec.autosize = { type: 'pad' };
  }
  // Charts follow the window: after a resize settles, each plot width follows its box again (one layout per chart).
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const v of state.views) {
        const w = plotWidth(v.id);
        if (v.view.width() !== w) v.view.width(w).runAsync();
      }
    }, 150);
  });
  const options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false }, tooltip: { theme: 'light' } };
  Promise.all(charts.map((c) => vegaEmbed('#' + c.id, c.spec, options).then((r) => ({ id: c.id, view: r.view }))))
    .then((views) => {
      state.views = views;
      state.renderMs = performance.now();
      state.done = true;
      document.body.setAttribute('data-rendered', 'true');
    })
    .catch((e) => {
      state.error = String(e && e.stack ? e.stack : e);
      console.error('kardashev report: a chart failed to render:', e);
      document.getElementById('kd-footer').appendChild(el('span', { class: 'error' }, ' A chart failed to render: ' + e));
    });
})();
