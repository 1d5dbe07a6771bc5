/**
 * Company chains and red flags: the tree from end client to posted worker with each company's
 * flags and explanations, and the rules behind the flags. Each handler calls one use case of
 * services/companies.
 */
import { CompanyFlagsQuery } from '../../shared/contracts/companies.ts';
import { caseCompanyFlags, companyChains, listFlagRules } from '../../services/companies/index.ts';
import { CaseParams } from './cases/cases.ts';
import type { Router } from './router.ts';

export function companyRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/companies/flag-rules',
    tag: 'companies',
    summary: 'The company red-flag rules: what each looks for, its source, its parameters and their defaults',
    access: 'authenticated',
    handler: ({ store, caller }) => listFlagRules(store, caller),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/companies/chains',
    tag: 'companies',
    summary: "Subcontracting and posting chains from the end client to the workers, with each company's red flags",
    params: CaseParams,
    query: CompanyFlagsQuery,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => companyChains(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/companies/flags',
    tag: 'companies',
    summary: 'Company red flags of the case, by company, with explanations and the records that show them',
    params: CaseParams,
    query: CompanyFlagsQuery,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => caseCompanyFlags(store, caller, caseId, query),
  });
}
