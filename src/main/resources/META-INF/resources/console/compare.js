// The comparison of two profiles: what was resolved, what is new, what persists (with the severity change), what
// merely became observable, what cleared or appeared only by a national benchmark's move, rank moves and indicator
// changes. Sections whose field is absent are not shown.
import {h, clear, table, num} from './dom.js';
import {groupedChart, disposeCharts, PALETTE} from './charts.js';

const GROUP = 'compare';

export function renderComparison(container, result, ctx) {
  disposeCharts(GROUP);
  const {t} = ctx;
  const label = path => ctx.label(path) || path;
  const stageName = s => ctx.has('stage.' + s) ? t('stage.' + s) : s;
  const cityStageName = s => ctx.has('cityStage.' + s) ? t('cityStage.' + s) : (s ?? '—');
  const national = n => n && n.national !== undefined && n.national !== null ? `${ctx.value(n.national)} (${n.year})` : '—';
  const list = (key, columns) => {
    const rows = result[key];
    if (!Array.isArray(rows)) {
      return null;
    }
    return h('section', {class: 'report-section', id: `compare-${key}`},
      h('h3', {}, t('compare.' + key), ` (${rows.length})`),
      rows.length ? table(null, columns, rows.map(r => typeof r === 'string' ? {id: r, indicator: r} : r))
        : h('p', {}, t('compare.none')));
  };
  const sev = key => ({key, label: t(key === 'severityBefore' ? 'col.before' : 'col.after'), num: true,
    cell: b => b[key] === undefined ? '—' : num(b[key], ctx.lang)});
  const causedBy = {key: 'causedBy', label: t('col.causedBy'), cell: b => (b.causedBy || []).map(label).join(', ')};
  const name = {key: 'title', label: t('col.title'), cell: r => r.title || r.label || label(r.indicator || r.id)};
  const changed = [...(result.resolved || []), ...(result.new || []), ...(result.persisting || [])];
  const titles = new Map(changed.map(b => [b.id, b.title]));
  const title = id => titles.get(id) || ctx.title(id);
  const chartEl = h('div', {class: 'chart', id: 'chart-compare', role: 'img',
    'aria-label': `${t('compare.chart')}. ${t('chart.alt')}`});
  const side = r => r ? [r.name, r.year].filter(x => x !== undefined).join(' ') : '';
  clear(container,
    h('h2', {id: 'compare-title'}, `${side(result.before)} → ${side(result.after)}`),
    result.stage ? h('p', {class: 'stage'}, t('compare.stage', stageName(result.stage.before), stageName(result.stage.after))) : null,
    result.cityIndustryStage ? h('p', {class: 'city-stage'}, t('compare.cityStage',
      cityStageName(result.cityIndustryStage.before), cityStageName(result.cityIndustryStage.after))) : null,
    changed.length ? h('figure', {}, h('figcaption', {}, t('compare.chart')), chartEl,
      h('ul', {class: 'legend', 'aria-hidden': 'true'}, [t('col.before'), t('col.after')].map((n, i) => {
        const swatch = h('span', {class: 'swatch'});
        swatch.style.background = PALETTE[i];
        return h('li', {}, swatch, n);
      }))) : null,
    list('resolved', [name, sev('severityBefore'), causedBy]),
    list('new', [name, sev('severityAfter'), causedBy]),
    list('persisting', [name, sev('severityBefore'), sev('severityAfter'),
      {key: 'delta', label: t('col.delta'), num: true, cell: b => b.delta === undefined ? '' : num(b.delta, ctx.lang)}, causedBy]),
    list('becameObservable', [name, sev('severityAfter'), causedBy]),
    list('noLongerObservable', [name, sev('severityBefore'), causedBy]),
    list('benchmarkShift', [name,
      {key: 'shift', label: t('col.shift'), cell: s => ctx.has('shift.' + s.shift) ? t('shift.' + s.shift) : s.shift},
      {key: 'indicator', label: t('col.indicator'), cell: s => label(s.indicator)},
      {key: 'value', label: t('col.value'), num: true, cell: s => ctx.value(s.value)},
      {key: 'valueYear', label: t('col.valueYear'), cell: s => s.valueYear ?? '—'},
      {key: 'nationalBefore', label: `${t('col.national')} (${t('col.before')})`, num: true, cell: s => national(s.before)},
      {key: 'nationalAfter', label: `${t('col.national')} (${t('col.after')})`, num: true, cell: s => national(s.after)}]),
    ['newlyObserved', 'noLongerObserved'].map(key => list(key, [name,
      {key: 'value', label: t('col.value'), num: true, cell: o => ctx.value(o.value)},
      {key: 'bottlenecks', label: t('col.affects'), cell: o => (o.bottlenecks || []).map(title).join('; ')}])),
    list('rankMoves', [name,
      {key: 'rankBefore', label: `${t('col.rank')} (${t('col.before')})`, num: true, cell: r => r.rankBefore ?? '—'},
      {key: 'rankAfter', label: `${t('col.rank')} (${t('col.after')})`, num: true, cell: r => r.rankAfter ?? '—'},
      {key: 'move', label: t('col.move'), num: true, cell: r => r.move === undefined ? '' : (r.move > 0 ? `+${r.move}` : r.move)}]),
    list('indicatorChanges', [
      {key: 'indicator', label: t('col.indicator'), cell: i => i.label || label(i.indicator)},
      {key: 'before', label: t('col.before'), num: true, cell: i => i.before === undefined ? '—' : ctx.value(i.before)},
      {key: 'after', label: t('col.after'), num: true, cell: i => i.after === undefined ? '—' : ctx.value(i.after)},
      {key: 'affects', label: t('col.affects'), cell: i => (i.affects || []).map(title).join('; ')}]));
  if (changed.length) {
    groupedChart(GROUP, chartEl, changed, b => b.title || b.id, [
      {name: t('col.before'), value: b => b.severityBefore ?? '-'},
      {name: t('col.after'), value: b => b.severityAfter ?? '-'}]);
  }
}
