// Calls of the service's HTTP API, relative to the page so that the console works behind a path prefix.

/** {ok, status, data}: data is the parsed JSON answer (a report, or an RFC 9457 problem when not ok). */
export async function call(path, {method = 'GET', body, lang, auth} = {}) {
  const url = new URL(path, document.baseURI);
  if (lang) {
    url.searchParams.set('lang', lang);
  }
  const init = {method, headers: {Accept: 'application/json, application/problem+json'}};
  if (auth) {
    init.headers.Authorization = auth;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = {title: response.statusText, detail: text};
  }
  return {ok: response.ok, status: response.status, data};
}

export const endpoints = {
  openapi: () => call('q/openapi?format=json'),
  indicators: lang => call('api/v1/indicators', {lang}),
  catalog: lang => call('api/v1/catalog', {lang}),
  regions: q => call('api/v1/regions?limit=20&q=' + encodeURIComponent(q)),
  startingProfile: (code, year) => call(`api/v1/regions/${encodeURIComponent(code)}/profile?year=${year}`),
  examples: () => call('api/v1/examples'),
  example: name => call('api/v1/examples/' + encodeURIComponent(name)),
  evaluate: (profile, lang) => call('api/v1/recommendations', {method: 'POST', body: profile, lang}),
  compare: (before, after, lang) => call('api/v1/recommendations/compare', {method: 'POST', body: {before, after}, lang}),
  saveAssessment: (profile, title, lang, auth) => call('api/v1/assessments',
    {method: 'POST', body: title ? {profile, title} : {profile}, lang, auth}),
  assessment: (id, auth) => call('api/v1/assessments/' + encodeURIComponent(id), {auth}),
  assessments: (regionId, auth) => call('api/v1/assessments' + (regionId ? '?regionId=' + encodeURIComponent(regionId) : ''),
    {auth}),
  replay: (id, lang, auth) => call(`api/v1/assessments/${encodeURIComponent(id)}/replay`, {method: 'POST', lang, auth}),
  problems: (regionId, lang, auth) => call(`api/v1/regions/${encodeURIComponent(regionId)}/problems`, {lang, auth}),
};
