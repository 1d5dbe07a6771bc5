/**
 * Closed vocabularies of the THB extension properties on Person.
 *
 * - Procedural status: the categories of persons police data must distinguish
 *   (Directive (EU) 2016/680, DOMAIN.md §7), plus `presumedVictim` for someone the indicator
 *   assessment flags before a formal decision (DOMAIN.md §5). One value per person.
 * - Crime-script functions: the roles of the THB crime script (DOMAIN.md §3). One person often
 *   holds several; they say what someone does, not how the law treats them.
 */

export const PROCEDURAL_STATUSES = ['suspect', 'victim', 'presumedVictim', 'witness', 'other'] as const;
export type ProceduralStatus = (typeof PROCEDURAL_STATUSES)[number];

export const CRIME_SCRIPT_FUNCTIONS = [
  'investor',
  'organiser',
  'recruiter',
  'documentForger',
  'transporter',
  'accommodationProvider',
  'enforcer',
  'debtCollector',
  'moneyHandler',
  'moneyLaunderer',
  'frontDirector',
  'corruptFacilitator',
  'client',
  'endClient',
] as const;
export type CrimeScriptFunction = (typeof CRIME_SCRIPT_FUNCTIONS)[number];
