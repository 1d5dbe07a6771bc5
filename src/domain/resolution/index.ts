/** Entity resolution: candidate duplicates, scored with reasons, found with blocking. */
export {
  resolutionRecord,
  resolutionRecords,
  stableIdentity,
  type FoldCache,
  type ResolutionRecord,
} from './record.ts';
export {
  jaroWinkler,
  nameSimilarity,
  RESOLUTION_WEIGHTS,
  scorePair,
  type PairScore,
  type Reason,
  type ReasonFeature,
} from './score.ts';
export {
  blockingKeys,
  forEachCandidatePair,
  candidatePairs,
  DEFAULT_MAX_BLOCK,
  DEFAULT_THRESHOLD,
  findCandidates,
  precisionRecall,
  type Candidate,
  type CandidateOptions,
} from './candidates.ts';
