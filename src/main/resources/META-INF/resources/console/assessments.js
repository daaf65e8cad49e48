// Saved assessments and a region's problem list (问题清单): the planner's sign-in, the list, and the problem list as
// a timeline of severities (ECharts) above its table, printable and downloadable as JSON.
import {h, clear, num, table} from './dom.js';
import {chart, disposeCharts, LEVEL_COLORS, PALETTE} from './charts.js';

const CREDENTIALS = 'nqpf-console.credentials';

/** The planner's credentials for this tab only (sessionStorage: gone when the tab closes). */
export const credentials = {
  get: () => sessionStorage.getItem(CREDENTIALS),
  user: () => {
    const c = sessionStorage.getItem(CREDENTIALS);
    return c ? JSON.parse(c).user : null;
  },
  header: () => {
    const c = sessionStorage.getItem(CREDENTIALS);
    if (!c) {
      return null;
    }
    const {user, password} = JSON.parse(c);
    const bytes = new TextEncoder().encode(`${user}:${password}`);
    return 'Basic ' + btoa(String.fromCharCode(...bytes));
  },
  set: (user, password) => sessionStorage.setItem(CREDENTIALS, JSON.stringify({user, password})),
  clear: () => sessionStorage.removeItem(CREDENTIALS),
};

export const STATES = ['PERSISTING', 'OPEN', 'NOT_OBSERVABLE', 'BENCHMARK_SHIFT', 'RESOLVED'];

/** The list of saved assessments: each opens by its link. */
export function renderList(container, listing, c) {
  const {t} = c;
  clear(container, listing.assessments.length ? table(t('assess.list.caption', listing.total), [
    {key: 'region', label: t('assess.col.region'), cell: a => h('a', {href: `#/assessments/${a.id}`, class: 'open-assessment'},
      `${a.regionName} (${a.regionId})`)},
    {key: 'year', label: t('assess.col.year'), num: true, cell: a => String(a.year)},
    {key: 'title', label: t('assess.col.title'), cell: a => a.title ?? ''},
    {key: 'savedBy', label: t('assess.col.savedBy'), cell: a => a.savedBy},
    {key: 'savedAt', label: t('assess.col.savedAt'), cell: a => h('time', {datetime: a.savedAt},
      new Date(a.savedAt).toLocaleString(c.lang))},
    {key: 'ruleset', label: t('assess.col.ruleset'), cell: a => a.ruleset.version},
  ], listing.assessments, {class: 'assessments'}) : h('p', {}, t('assess.list.none')));
}

/** The banner above a saved report: what it is, who saved it, with which rules, and the replay. */
export function banner(a, c, onReplay) {
  const {t} = c;
  return h('section', {class: 'assessment-banner', 'data-id': a.id},
    h('p', {}, h('strong', {class: 'a-title'}, a.title || t('assess.untitled')), ' · ',
      t('assess.savedBy', a.savedBy, new Date(a.savedAt).toLocaleString(c.lang)), ' · ',
      `${t('report.meta.ruleset')} ${a.ruleset.version}`),
    a.note ? h('p', {class: 'a-note'}, a.note) : null,
    h('p', {class: 'no-print'}, t('assess.link'), ' ', h('a', {href: `#/assessments/${a.id}`, class: 'a-link'},
      `${location.origin}${location.pathname}#/assessments/${a.id}`), ' ',
    h('button', {type: 'button', id: 'replay', onclick: onReplay}, t('assess.replay'))),
    h('div', {id: 'replay-result'}));
}

/** What a replay with the active rules moved. */
export function renderReplay(container, replay, c) {
  const {t} = c;
  const names = list => list.length ? list.map(b => b.title || c.title(b.id)).join(t('list.sep')) : t('none');
  clear(container, h('div', {class: 'replay'},
    h('p', {}, replay.rulesetChanged ? t('assess.replay.changed', replay.saved.version, replay.replayed.version)
      : t('assess.replay.same', replay.saved.version)),
    h('ul', {},
      h('li', {class: 'r-resolved'}, `${t('assess.replay.resolved')} ${names(replay.changes.resolved)}`),
      h('li', {class: 'r-new'}, `${t('assess.replay.new')} ${names(replay.changes.new)}`),
      h('li', {class: 'r-moved'}, `${t('assess.replay.moved')} ${replay.changes.rankMoves.length}`))));
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The problem list as a workbook, fetched with the planner's credentials and saved. */
async function workbook(regionId, lang) {
  const url = new URL(`api/v1/regions/${encodeURIComponent(regionId)}/problems`, document.baseURI);
  url.searchParams.set('format', 'xlsx');
  if (lang) {
    url.searchParams.set('lang', lang);
  }
  const response = await fetch(url, {headers: {Accept: XLSX, Authorization: credentials.header()}});
  if (!response.ok) {
    return;
  }
  const link = h('a', {href: URL.createObjectURL(await response.blob()), download: `problems-${regionId}.xlsx`});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** The problem list: the timeline of severities, the table of states, print, JSON and Excel. */
export function renderProblems(container, list, c) {
  const {t} = c;
  disposeCharts('problems');
  const years = list.years.map(String);
  const problems = list.problems;
  const chartBox = h('div', {class: 'chart', role: 'img', 'aria-label': t('problems.chart.label')});
  const json = () => {
    const link = h('a', {href: URL.createObjectURL(new Blob([JSON.stringify(list, null, 2)], {type: 'application/json'})),
      download: `problems-${list.regionId}.json`});
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  const counts = STATES.map(s => [s, problems.filter(p => p.state === s).length]).filter(([, n]) => n);
  clear(container,
    h('h3', {id: 'problems-title'}, t('problems.heading', list.regionName ?? list.regionId, years.join('–'))),
    h('p', {class: 'summary'}, counts.map(([s, n]) => `${t('state.' + s)} ${n}`).join(' · ')),
    h('p', {class: 'no-print'},
      h('button', {type: 'button', id: 'print-problems', onclick: () => window.print()}, t('report.print')), ' ',
      h('button', {type: 'button', id: 'download-problems', onclick: json}, t('problems.json')), ' ',
      h('button', {type: 'button', id: 'download-problems-xlsx', onclick: () => workbook(list.regionId, c.lang)},
        t('problems.xlsx'))),
    h('figure', {}, chartBox, h('figcaption', {}, t('problems.chart.caption'))),
    table(t('problems.table.caption'), [
      {key: 'title', label: t('problems.col.problem'), cell: p => [p.title, h('span', {class: 'note'}, ` ${p.id}`)]},
      {key: 'state', label: t('problems.col.state'), cell: p => h('span', {class: `state state-${p.state}`},
        t('state.' + p.state))},
      {key: 'firstSeen', label: t('problems.col.firstSeen'), num: true, cell: p => String(p.firstSeen)},
      ...years.map(y => ({key: 'y' + y, label: y, num: true, cell: p => p.severityByYear[y] === undefined ? '–'
        : num(p.severityByYear[y], c.lang)})),
      {key: 'evidence', label: t('problems.col.evidence'), cell: p => h('ul', {class: 'plain'},
        (p.resolvedBy || []).map(v => h('li', {}, `${v.label || v.indicator}: ${c.value(v.before)} (${v.beforeYear}) → `
          + `${v.after === undefined || v.after === null ? t('problems.missing') : c.value(v.after)} (${v.afterYear})`)))},
      {key: 'measures', label: t('problems.col.measures'), cell: p => {
        const last = p.measuresByYear[String(p.lastSeen)] || [];
        return last.map(m => m.title || c.title(m.id)).join(t('list.sep'));
      }},
    ], problems, {class: 'problems'}));
  chart('problems', chartBox, 120 + Math.min(problems.length, 12) * 16, {
    legend: {type: 'scroll', bottom: 0},
    grid: {left: 8, right: 24, top: 16, bottom: 48, containLabel: true},
    xAxis: {type: 'category', data: years},
    yAxis: {type: 'value', min: 0, max: 1, name: t('problems.chart.severity')},
    tooltip: {trigger: 'axis'},
    series: problems.map((p, i) => ({type: 'line', name: p.title, connectNulls: false, symbolSize: 8,
      itemStyle: {color: PALETTE[i % PALETTE.length]},
      data: years.map(y => p.severityByYear[y] ?? null)})),
  });
  void LEVEL_COLORS;
}
