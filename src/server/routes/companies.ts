/**
 * Company chains and red flags: the tree from end client to posted worker with each company's
 * flags and explanations, and the rules behind the flags. Handlers only check input and call
 * services/companies.ts.
 */
import { CompanyFlagsQuery } from '../../shared/contracts/companies.ts';
import { companyView, flagRules } from '../../services/companies/companies.ts';
import { CaseParams } from './cases/cases.ts';
import type { Router } from './router.ts';

export function companyRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/companies/flag-rules',
    tag: 'companies',
    summary: 'The company red-flag rules: what each looks for, its source, its parameters and their defaults',
    access: 'authenticated',
    handler: async () => ({ rules: flagRules() }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/companies/chains',
    tag: 'companies',
    summary: "Subcontracting and posting chains from the end client to the workers, with each company's red flags",
    params: CaseParams,
    query: CompanyFlagsQuery,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'companyChains' },
    handler: async ({ store, access, query, auditIds }) => {
      const view = await companyView(store, access, query.rules ? { rules: query.rules } : {});
      auditIds(view.companies.map((c) => c.id));
      return view;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/companies/flags',
    tag: 'companies',
    summary: 'Company red flags of the case, by company, with explanations and the records that show them',
    params: CaseParams,
    query: CompanyFlagsQuery,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'companyFlags' },
    handler: async ({ store, access, query, auditIds }) => {
      const view = await companyView(store, access, query.rules ? { rules: query.rules } : {});
      auditIds(Object.keys(view.flags));
      return { flags: Object.values(view.flags).flat() };
    },
  });
}
