// The report of one evaluation: every section the API answers, charts with the numbers also in tables.
// A section whose field is absent from the answer (e.g. peers on an older service) is not shown.
import {h, clear, table, num} from './dom.js';
import {severityChart, stackedChart, disposeCharts, PALETTE} from './charts.js';

const GROUP = 'report';

/** ctx: {t, lang, label(path), enumLabel(v)} */
export function renderReport(container, report, ctx) {
  disposeCharts(GROUP);
  const {t} = ctx;
  const labels = evidenceLabels(report);
  const label = path => ctx.label(path) || labels.get(path) || path;
  const c = {...ctx, label};
  const charts = [];
  clear(container,
    header(report, c),
    report.coverage ? section('coverage', t('report.coverage'), coverage(report.coverage, c)) : null,
    report.warnings?.length ? section('warnings', t('report.warnings'), table(null,
      [{key: 'field', label: t('col.field'), cell: w => label(w.field)}, {key: 'message', label: t('col.message')}],
      report.warnings)) : null,
    report.smartSpecialization ? section('stage', t('report.stage'), stage(report.smartSpecialization, c)) : null,
    report.sequencing ? section('sequencing', t('report.sequencing'), h('p', {}, report.sequencing)) : null,
    report.bottlenecks ? section('bottlenecks', t('report.bottlenecks'), bottlenecks(report.bottlenecks, c, charts)) : null,
    report.recommendations ? section('recommendations', t('report.recommendations'),
      recommendations(report, c, charts)) : null,
    report.watchlist?.length ? section('watchlist', t('report.watchlist'), report.watchlist.map(w =>
      h('article', {class: 'item', 'data-id': w.id}, h('h4', {}, w.title), evidenceTable(w.evidence, c, true)))) : null,
    report.dataGaps?.length ? section('dataGaps', t('report.dataGaps'), dataGaps(report, c)) : null,
    report.nextIndicators?.length ? section('nextIndicators', t('report.nextIndicators'), table(null, [
      {key: 'indicator', label: t('col.indicator'), cell: n => n.label || label(n.indicator)},
      {key: 'reason', label: t('col.reason')}], report.nextIndicators)) : null,
    peers(report, c));
  charts.forEach(draw => draw());
}

function section(key, title, ...content) {
  return h('section', {class: 'report-section', id: `report-${key}`, 'aria-labelledby': `report-${key}-h`},
    h('h3', {id: `report-${key}-h`}, title), content);
}

function evidenceLabels(report) {
  const labels = new Map();
  const add = list => (list || []).forEach(e => e.label && labels.set(e.indicator, e.label));
  add(report.smartSpecialization?.evidence);
  (report.bottlenecks || []).forEach(b => add(b.evidence));
  (report.watchlist || []).forEach(b => add(b.evidence));
  add(report.dataGaps);
  return labels;
}

function header(report, c) {
  const {t} = c;
  const region = report.region || {};
  const date = report.evaluatedAt ? new Date(report.evaluatedAt) : null;
  const running = [region.name, region.year, date?.toLocaleDateString(c.lang), report.ruleset?.version && `${t('report.meta.ruleset')} ${report.ruleset.version}`,
    report.decisionId && `${t('report.meta.decision')} ${report.decisionId}`].filter(Boolean).join(' · ');
  document.documentElement.style.setProperty('--print-header', JSON.stringify(running));
  return h('header', {class: 'report-header'},
    h('h2', {id: 'report-title'}, `${t('report.heading')}${c.lang === 'en' ? ': ' : '：'}${region.name ?? ''}`),
    h('dl', {class: 'meta'},
      h('div', {}, h('dt', {}, t('report.meta.region')), h('dd', {class: 'm-region'},
        [region.name, region.regionId, region.year].filter(x => x !== undefined && x !== null).join(' · '))),
      h('div', {}, h('dt', {}, t('report.meta.date')), h('dd', {class: 'm-date'},
        date ? h('time', {datetime: report.evaluatedAt}, date.toLocaleString(c.lang)) : '')),
      h('div', {}, h('dt', {}, t('report.meta.ruleset')), h('dd', {class: 'm-ruleset'}, report.ruleset?.version ?? '')),
      h('div', {}, h('dt', {}, t('report.meta.decision')), h('dd', {class: 'm-decision'}, report.decisionId ?? ''))),
    h('p', {class: 'no-print'}, h('button', {type: 'button', id: 'print', onclick: () => window.print()}, t('report.print'))));
}

function coverage(cov, c) {
  const {t} = c;
  return [h('p', {class: `verdict verdict-${cov.verdict}`},
    h('strong', {}, c.has('verdict.' + cov.verdict) ? t('verdict.' + cov.verdict) : cov.verdict), ' · ',
    `${t('report.coverage.share')} `, h('span', {class: 'c-share'}, `${num(Math.round(cov.share * 100), c.lang)}%`)),
  cov.olderValues ? h('p', {class: 'c-older'}, t('report.coverage.older', num(cov.olderValues, c.lang), cov.oldestYear))
    : null,
  cov.sentence || cov.summary ? h('p', {}, cov.sentence || cov.summary) : null];
}

function stage(s, c) {
  const {t} = c;
  return [h('p', {class: 'stage', 'data-stage': s.stage}, h('strong', {}, c.has('stage.' + s.stage) ? t('stage.' + s.stage) : s.stage)),
    typeof s.readiness === 'number' ? h('p', {}, `${t('report.stage.readiness')}: `,
      h('span', {class: 'c-readiness'}, num(s.readiness, c.lang))) : null,
    s.transition ? h('p', {}, t('report.stage.transition')) : null,
    s.rationale ? h('p', {}, s.rationale) : null,
    s.evidence?.length ? evidenceTable(s.evidence, c, false, t('report.stage.decided')) : null,
    s.missingIndicators?.length ? [h('h4', {}, t('report.stage.missing')),
      h('ul', {}, s.missingIndicators.map(i => h('li', {}, c.label(i))))] : null,
    s.cityIndustryStage ? cityStage(s.cityIndustryStage, c) : null];
}

/** The stage of city industry (003), marked when presumed; its rationale names the values that would decide it. */
function cityStage(s, c) {
  const {t} = c;
  return h('div', {class: 'city-stage', 'data-stage': s.stage, 'data-certainty': s.certainty || ''},
    h('h4', {}, t('report.cityStage')),
    h('p', {}, h('strong', {}, s.title || (c.has('cityStage.' + s.stage) ? t('cityStage.' + s.stage) : s.stage)), ' ',
      presumedBadge(s, c)),
    s.rationale ? h('p', {}, s.rationale) : null);
}

/** A badge for a PRESUMED finding; nothing for a certain one. */
function presumedBadge(x, c) {
  return x?.certainty === 'PRESUMED' ? h('span', {class: 'presumed'}, c.t('certainty.PRESUMED')) : null;
}

/** "Presumed: decided by values not given: …" for a finding that rests on missing values. */
function decidedBy(x, c) {
  return x?.decidedBy?.length && x.certainty === 'PRESUMED'
    ? h('p', {class: 'decided-by'}, c.t('report.presumed',
      x.decidedBy.map(d => d.label || c.label(d.indicator)).join(c.lang === 'en' ? ', ' : '、')))
    : null;
}

function evidenceTable(evidence, c, watch, caption) {
  const {t} = c;
  const columns = [
    {key: 'indicator', label: t('col.indicator'), cell: e => e.label || c.label(e.indicator)},
    {key: 'value', label: t('col.value'), num: true, cell: e => c.value(e.value)},
    {key: 'comparison', label: t('col.comparison'), cell: e => e.comparison},
    {key: 'threshold', label: t('col.threshold'), num: true, cell: e => c.value(e.threshold)},
    watch ? {key: 'gap', label: t('col.gap'), num: true, cell: e => c.value(e.gap)} : null,
    {key: 'valueYear', label: t('col.valueYear'), cell: e => e.valueYear ?? '—'},
    {key: 'benchmarkYear', label: t('col.benchmarkYear'), cell: e => e.benchmarkYear ?? '—'},
    {key: 'reference', label: t('col.reference'), cell: e => e.reference}].filter(Boolean);
  return table(caption ?? t('report.evidence'), columns, evidence, {class: 'evidence'});
}

function sources(list, c) {
  if (!list?.length) {
    return null;
  }
  return [h('h5', {}, c.t('report.sources')), h('ul', {class: 'sources'}, list.map(s => h('li', {},
    h('cite', {}, c.lang === 'en' ? s.title || s.subject || s.document : `《${s.title || s.subject || s.document}》`),
    s.authors?.length || s.year ? ` (${[...(s.authors || []), s.year].filter(Boolean).join(', ')})` : '',
    s.section ? `, ${s.section}` : '', c.lang === 'en' ? ': ' : '：',
    h('q', {}, s.quoteSimplified || s.quote))))];
}

function bottlenecks(list, c, charts) {
  const {t} = c;
  if (!list.length) {
    return h('p', {}, t('report.bottlenecks.none'));
  }
  const chartEl = h('div', {class: 'chart', id: 'chart-severity', role: 'img',
    'aria-label': `${t('report.bottlenecks.chart')}. ${t('chart.alt')}`});
  charts.push(() => severityChart(GROUP, chartEl, list, b => b.title));
  return [h('figure', {}, h('figcaption', {}, t('report.bottlenecks.chart')), chartEl),
    table(t('report.bottlenecks'), [
      {key: 'title', label: t('col.title')},
      {key: 'certainty', label: t('col.certainty'), cell: b => presumedBadge(b, c) || '—'},
      {key: 'level', label: t('col.level'), cell: b => h('span', {class: `level level-${b.level}`},
        c.has('level.' + b.level) ? t('level.' + b.level) : b.level)},
      {key: 'severity', label: t('col.severity'), num: true, cell: b => num(b.severity, c.lang)}], list,
    {id: 'bottleneck-table'}),
    list.map(b => h('article', {class: 'item bottleneck', 'data-id': b.id},
      h('h4', {}, b.title, ' ', h('span', {class: `level level-${b.level}`},
        `${c.has('level.' + b.level) ? t('level.' + b.level) : b.level} · ${num(b.severity, c.lang)}`),
        ' ', presumedBadge(b, c)),
      decidedBy(b, c),
      b.description ? h('p', {}, b.description) : null,
      b.evidence?.length ? evidenceTable(b.evidence, c, false) : null,
      b.clearsWhen?.length ? table(t('report.clearsWhen'), [
        {key: 'indicator', label: t('col.indicator'), cell: w => [c.label(w.indicator),
          w.actionable === false ? h('span', {class: 'note'}, ` ${t('report.clearsWhen.fixed')}`) : null,
          w.balancing ? h('span', {class: 'note'}, ` ${t('report.clearsWhen.balancing')}`) : null]},
        {key: 'current', label: t('col.current'), num: true, cell: w => c.value(w.current)},
        {key: 'target', label: t('col.target'), num: true, cell: w => c.value(w.target)}], b.clearsWhen,
      {class: 'clears-when'}) : null,
      sources(b.sources, c)))];
}

function recommendations(report, c, charts) {
  const {t} = c;
  const list = report.recommendations;
  if (!list.length) {
    return null;
  }
  const titles = new Map((report.bottlenecks || []).map(b => [b.id, b.title]));
  const parts = [];
  for (const r of list) {
    for (const f of r.scoreBreakdown || []) {
      const key = f.key || f.factor;
      if (!parts.some(p => p.key === key)) {
        parts.push({key, name: f.factor,
          value: row => (row.scoreBreakdown || []).filter(x => (x.key || x.factor) === key).reduce((s, x) => s + x.points, 0)});
      }
    }
  }
  const labelOf = r => `${r.rank}. ${r.title}`;
  const chartEl = h('div', {class: 'chart', id: 'chart-scores', role: 'img',
    'aria-label': `${t('report.recommendations.chart')}. ${t('chart.alt')}`});
  charts.push(() => stackedChart(GROUP, chartEl, list, labelOf, parts));
  return [h('figure', {}, h('figcaption', {}, t('report.recommendations.chart')), chartEl,
    h('ul', {class: 'legend', 'aria-hidden': 'true'}, parts.map((p, i) => {
      const swatch = h('span', {class: 'swatch'});
      swatch.style.background = PALETTE[i % PALETTE.length];
      return h('li', {}, swatch, p.name);
    }))),
  table(t('report.recommendations'), [
    {key: 'rank', label: t('col.rank'), num: true},
    {key: 'title', label: t('col.title')},
    {key: 'score', label: t('col.score'), num: true, cell: r => num(r.score, c.lang)}], list, {id: 'recommendation-table'}),
  list.map(r => h('article', {class: 'item recommendation', 'data-id': r.id},
    h('h4', {}, `${r.rank}. ${r.title} `, h('span', {class: 'score'}, `${t('col.score')} ${num(r.score, c.lang)}`)),
    r.summary ? h('p', {class: 'summary'}, r.summary) : null,
    r.explanation ? h('p', {}, r.explanation) : null,
    r.actions?.length ? [h('h5', {}, t('report.actions')), h('ol', {}, r.actions.map(a => h('li', {}, a)))] : null,
    r.addresses?.length ? h('p', {}, `${t('report.addresses')}: `, r.addresses.map(id => titles.get(id) || c.title(id))
      .join(c.lang === 'en' ? '; ' : '；')) : null,
    r.scoreBreakdown?.length ? table(null, [
      {key: 'factor', label: t('col.factor'), cell: f => [f.factor, ' ', presumedBadge(f, c),
        f.certainty === 'PRESUMED' && f.decidedBy?.length
          ? h('span', {class: 'note'}, ` (${f.decidedBy.map(d => d.label || c.label(d.indicator)).join(c.lang === 'en' ? ', ' : '、')})`)
          : null]},
      {key: 'points', label: t('col.points'), num: true, cell: f => num(f.points, c.lang)}], r.scoreBreakdown,
    {class: 'breakdown'}) : null,
    sources(r.sources, c)))];
}

function dataGaps(report, c) {
  const {t} = c;
  const gaps = [...report.dataGaps];
  if (gaps.every(g => typeof g.rank === 'number')) {
    gaps.sort((a, b) => a.rank - b.rank);
  }
  const has = key => gaps.some(g => g[key] !== undefined && g[key] !== null);
  const titles = ids => (ids || []).map(c.title).join(c.lang === 'en' ? '; ' : '；');
  const partly = p => typeof p !== 'object' || p === null ? c.value(p)
    : `${c.title(p.bottleneck)} (${(p.observed || []).map(c.label).join(', ')} ✓; ${(p.missing || []).map(c.label).join(', ')} ?)`;
  return table(null, [
    has('rank') ? {key: 'rank', label: t('col.rank'), num: true} : null,
    {key: 'indicator', label: t('col.indicator'), cell: g => g.label || c.label(g.indicator)},
    has('leverage') ? {key: 'leverage', label: t('col.leverage'), num: true, cell: g => c.value(g.leverage)} : null,
    has('couldReveal') ? {key: 'couldReveal', label: t('col.couldReveal'), cell: g => titles(g.couldReveal)} : null,
    has('revealsAlone') ? {key: 'revealsAlone', label: t('col.revealsAlone'), cell: g => titles(g.revealsAlone)} : null,
    has('decidesStage') ? {key: 'decidesStage', label: t('col.decidesStage'), cell: g => g.decidesStage ? t('yes') : ''} : null,
    has('partlyObserved') ? {key: 'partlyObserved', label: t('col.partlyObserved'),
      cell: g => (Array.isArray(g.partlyObserved) ? g.partlyObserved : [g.partlyObserved]).map(partly)
        .join(c.lang === 'en' ? '; ' : '；')} : null,
    {key: 'neededBy', label: t('col.neededBy'), num: true, cell: g => (g.neededBy || []).length}].filter(Boolean),
  gaps, {id: 'data-gaps'});
}

function peers(report, c) {
  const {t} = c;
  const list = report.peers || report.peerContext;
  if (!list?.length) {
    return null;
  }
  return section('peers', t('report.peers'),
    list.some(p => p.sentence) ? h('ul', {}, list.filter(p => p.sentence).map(p => h('li', {}, p.sentence))) : null,
    table(null, [
      {key: 'indicator', label: t('col.indicator'), cell: p => p.label || c.label(p.indicator)},
      {key: 'value', label: t('col.value'), num: true, cell: p => c.value(p.value)},
      {key: 'percentile', label: t('col.percentile'), num: true, cell: p => c.value(p.percentile)},
      {key: 'median', label: t('col.median'), num: true, cell: p => c.value(p.median)},
      {key: 'rank', label: t('col.rankOf'), num: true, cell: p => p.rank !== undefined && p.rank !== null ? `${p.rank} / ${p.of ?? '?'}` : '—'},
      {key: 'valueYear', label: t('col.valueYear'), cell: p => p.valueYear ?? ''},
      {key: 'censusYear', label: t('col.censusYear'), cell: p => p.censusYear ?? ''}], list, {id: 'peers'}));
}
