/** The app's addresses, built in one place so every link and redirect agrees with the router. */
function caseView(caseId: string, slug: string, query?: Record<string, string>): string {
  const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : '';
  return `/cases/${encodeURIComponent(caseId)}/${slug}${qs}`;
}

export const paths = {
  cases: () => '/cases',
  case: (caseId: string) => `/cases/${encodeURIComponent(caseId)}`,
  entities: (caseId: string, query?: Record<string, string>) =>
    `/cases/${encodeURIComponent(caseId)}/entities${query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : ''}`,
  newEntity: (caseId: string, schema?: string) =>
    `/cases/${encodeURIComponent(caseId)}/entities/new${schema ? `?schema=${encodeURIComponent(schema)}` : ''}`,
  entity: (caseId: string, entityId: string) =>
    `/cases/${encodeURIComponent(caseId)}/entities/${encodeURIComponent(entityId)}`,
  conversation: (caseId: string, entityId: string) =>
    `/cases/${encodeURIComponent(caseId)}/conversations/${encodeURIComponent(entityId)}`,
  document: (caseId: string, entityId: string) =>
    `/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(entityId)}`,
  import: (caseId: string) => `/cases/${encodeURIComponent(caseId)}/import`,
  evidence: (caseId: string) => `/cases/${encodeURIComponent(caseId)}/evidence`,
  members: (caseId: string) => `/cases/${encodeURIComponent(caseId)}/members`,
  caseAudit: (caseId: string) => `/cases/${encodeURIComponent(caseId)}/audit`,
  finance: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'finance', query),
  chart: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'chart', query),
  chain: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'chain', query),
  timeline: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'timeline', query),
  map: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'map', query),
  moneyFlow: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'money-flow', query),
  identification: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'identification', query),
  captures: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'captures', query),
  documentSearch: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'document-search', query),
  companies: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'companies', query),
  resolution: (caseId: string, query?: Record<string, string>) => caseView(caseId, 'resolution', query),
  hits: (caseId: string) => caseView(caseId, 'hits'),
  prosecution: (caseId: string) => caseView(caseId, 'prosecution'),
  victims: (caseId: string) => caseView(caseId, 'victims'),
  agreements: () => '/cooperation/agreements',
  search: (q?: string) => `/search${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  audit: () => '/audit',
  signIn: () => '/sign-in',
};
