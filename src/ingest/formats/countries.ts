/**
 * Country look-up for FtM `country` properties: names and codes to lowercase ISO 3166-1
 * alpha-2 codes, as FtM stores them (`Deutschland` → `de`).
 *
 * FtM looks names up in a multilingual territory table. We get the same breadth from the ICU
 * data Node ships (Intl.DisplayNames, in the languages listed below) instead of carrying a
 * large table; alpha-3 codes (ISO facts, not in ICU) and a few common variants ICU does not
 * use ("Großbritannien", "Holland") are listed here. Matching is exact after folding case,
 * accents and punctuation: a misspelt name (`Niedlerlande`) is not a country, as in FtM.
 */

/** ISO 3166-1 alpha-3 followed by alpha-2, lowercase, 249 entries. */
const ALPHA3 =
  'abwaw afgaf agoao aiaai alaax albal andad areae argar armam asmas ataaq atftf atgag ausau autat ' +
  'azeaz bdibi belbe benbj besbq bfabf bgdbd bgrbg bhrbh bhsbs bihba blmbl blrby blzbz bmubm bolbo ' +
  'brabr brbbb brnbn btnbt bvtbv bwabw cafcf canca cckcc chech chlcl chncn civci cmrcm codcd cogcg ' +
  'cokck colco comkm cpvcv cricr cubcu cuwcw cxrcx cymky cypcy czecz deude djidj dmadm dnkdk domdo ' +
  'dzadz ecuec egyeg erier esheh espes estee ethet finfi fjifj flkfk frafr frofo fsmfm gabga gbrgb ' +
  'geoge ggygg ghagh gibgi gingn glpgp gmbgm gnbgw gnqgq grcgr grdgd grlgl gtmgt gufgf gumgu guygy ' +
  'hkghk hmdhm hndhn hrvhr htiht hunhu idnid imnim indin iotio irlie irnir irqiq islis isril itait ' +
  'jamjm jeyje jorjo jpnjp kazkz kenke kgzkg khmkh kirki knakn korkr kwtkw laola lbnlb lbrlr lbyly ' +
  'lcalc lieli lkalk lsols ltult luxlu lvalv macmo mafmf marma mcomc mdamd mdgmg mdvmv mexmx mhlmh ' +
  'mkdmk mliml mltmt mmrmm mneme mngmn mnpmp mozmz mrtmr msrms mtqmq musmu mwimw mysmy mytyt namna ' +
  'nclnc nerne nfknf ngang nicni niunu nldnl norno nplnp nrunr nzlnz omnom pakpk panpa pcnpn perpe ' +
  'phlph plwpw pngpg polpl pripr prkkp prtpt prypy pseps pyfpf qatqa reure rouro rusru rwarw sausa ' +
  'sdnsd sensn sgpsg sgsgs shnsh sjmsj slbsb slesl slvsv smrsm somso spmpm srbrs ssdss stpst sursr ' +
  'svksk svnsi swese swzsz sxmsx sycsc syrsy tcatc tcdtd tgotg thath tjktj tkltk tkmtm tlstl tonto ' +
  'ttott tuntn turtr tuvtv twntw tzatz ugaug ukrua umium uryuy usaus uzbuz vatva vctvc venve vgbvg ' +
  'virvi vnmvn vutvu wlfwf wsmws yemye zafza zmbzm zwezw ' +
  '';

const LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'pl',
  'ru',
  'uk',
  'lt',
  'lv',
  'et',
  'fi',
  'sv',
  'da',
  'nb',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'el',
  'hr',
  'sl',
  'sr',
  'sq',
  'mk',
  'tr',
  'ar',
  'vi',
  'th',
  'zh',
];

/** Variants FtM recognises that ICU's display names do not give. */
const ALIASES: Record<string, string> = {
  grossbritannien: 'gb',
  'great britain': 'gb',
  britain: 'gb',
  'united kingdom of great britain and northern ireland': 'gb',
  'vereinigtes konigreich grossbritannien und nordirland': 'gb',
  holland: 'nl',
  'the netherlands': 'nl',
  usa: 'us',
  'u s a': 'us',
  'u s': 'us',
  amerika: 'us',
  'united states of america': 'us',
  'vereinigte staaten von amerika': 'us',
  'russian federation': 'ru',
  'republic of korea': 'kr',
  'south korea': 'kr',
  'north korea': 'kp',
  'czech republic': 'cz',
  tschechien: 'cz',
  'tschechische republik': 'cz',
  weissrussland: 'by',
  'republic of moldova': 'md',
  moldova: 'md',
  'ivory coast': 'ci',
  burma: 'mm',
  'cape verde': 'cv',
  swaziland: 'sz',
  'east timor': 'tl',
  vatican: 'va',
  'holy see': 'va',
  macedonia: 'mk',
  kosova: 'xk',
  turkey: 'tr',
  turkei: 'tr',
};

/** Lowercase, accents and punctuation folded, `ß` → `ss`: how names are compared. */
export function countryKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = countryKey(name);
    if (key && !map.has(key)) map.set(key, code);
  };
  const codes: string[] = [];
  for (let i = 0; i + 5 <= ALPHA3.length; i += 6) {
    const entry = ALPHA3.slice(i, i + 5);
    codes.push(entry.slice(3));
    add(entry.slice(0, 3), entry.slice(3));
  }
  codes.push('xk'); // Kosovo: user-assigned in ISO, used by FtM
  for (const code of codes) add(code, code);
  for (const locale of LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
      for (const code of codes) add(names.of(code.toUpperCase()), code);
    }
  }
  for (const [name, code] of Object.entries(ALIASES)) add(name, code);
  return map;
}

/** The lowercase ISO alpha-2 code for a country code or name, or null. */
export function lookupCountry(text: string): string | null {
  table ??= build();
  return table.get(countryKey(text)) ?? null;
}
