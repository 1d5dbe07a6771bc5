/** Online captures: what an ad or web page says (selectors, red flags) and how ads link up. */
export { extractAll, countryOfHost, distinct, phoneCountries, type Extraction, type PageOrigin } from './extract.ts';
export { extractPhones, DEFAULT_PHONE_COUNTRIES, type FoundPhone } from '../extraction/phones.ts';
export { extractEmails, type FoundEmail } from '../extraction/emails.ts';
export { extractHandles, MESSAGING_APPS, type FoundHandle, type MessagingApp } from '../extraction/handles.ts';
export { extractPrices, extractAges, type FoundPrice, type FoundAge } from './adFacts.ts';
export { extractPlaces, GAZETTEER, type FoundPlace } from '../extraction/places.ts';
export {
  findRedFlags,
  RED_FLAGS,
  RED_FLAG_KINDS,
  type FlagLanguage,
  type FoundRedFlag,
  type RedFlagKind,
  type RedFlagDef,
} from './redFlags.ts';
export { htmlToText, declaredCharset, decodeEntities, type HtmlText } from '../extraction/html.ts';
export {
  imageHashes,
  hamming,
  nearIdentical,
  toGray,
  NEAR_IDENTICAL,
  type GrayImage,
  type ImageHashes,
} from './imageHash.ts';
export { clusterAds, pairScores, type AdSignals, type AdLink, type AdCluster, type AdLinkReason } from './clusters.ts';
