/**
 * The wording of the Delphi operational indicators, keyed by item id, in English with Finnish,
 * Estonian and Latvian translations. The English follows secondary copies of the ILO/EC list
 * (see delphi2009.ts for why every item is marked unverified); translations are the platform's.
 */
import type { Text } from './catalogue.ts';

type Entry = readonly [en: string, fi: string, et: string, lv: string];
const t = ([en, fi, et, lv]: Entry): Text => ({ en, fi, et, lv });

const documents: Entry = [
  'Confiscation of identity or travel documents',
  'Henkilö- tai matkustusasiakirjojen haltuunotto',
  'Isikut tõendavate või reisidokumentide äravõtmine',
  'Personu apliecinošu vai ceļošanas dokumentu atņemšana',
];
const debt: Entry = ['Debt bondage', 'Velkaorjuus', 'Võlaorjus', 'Parādu verdzība'];
const isolation: Entry = [
  'Isolation, confinement or surveillance',
  'Eristäminen, vangitseminen tai valvonta',
  'Isoleerimine, kinnipidamine või jälgimine',
  'Izolēšana, ieslodzīšana vai uzraudzība',
];
const denunciation: Entry = [
  'Threat of being reported to the authorities',
  'Uhkaus ilmiantaa viranomaisille',
  'Ähvardus ametivõimudele teatada',
  'Draudi ziņot iestādēm',
];
const threats: Entry = [
  'Threats of violence against the person',
  'Väkivallalla uhkaaminen',
  'Vägivallaga ähvardamine',
  'Vardarbības draudi pret personu',
];
const violence: Entry = [
  'Violence against the person',
  'Väkivalta henkilöä kohtaan',
  'Vägivald isiku vastu',
  'Vardarbība pret personu',
];
const violenceFamily: Entry = [
  'Violence or threats of violence against the family',
  'Väkivalta tai sen uhka perhettä kohtaan',
  'Vägivald või vägivallaga ähvardamine perekonna vastu',
  'Vardarbība vai tās draudi pret ģimeni',
];
const economic: Entry = [
  'Economic hardship',
  'Taloudellinen ahdinko',
  'Majanduslikud raskused',
  'Ekonomiskas grūtības',
];
const legalStatus: Entry = [
  'Dependence arising from legal status or relations with the authorities',
  'Oikeudellisesta asemasta tai viranomaissuhteista johtuva riippuvuus',
  'Õiguslikust staatusest või suhetest ametivõimudega tulenev sõltuvus',
  'Atkarība, kas izriet no juridiskā statusa vai attiecībām ar iestādēm',
];

const entries: Record<string, Entry> = {
  'dr.natureOfJob': [
    'Deceived about the nature of the job, location or employer',
    'Harhautettu työn luonteesta, sijainnista tai työnantajasta',
    'Petetud töö olemuse, asukoha või tööandja osas',
    'Maldināts par darba būtību, atrašanās vietu vai darba devēju',
  ],
  'dr.conditions': [
    'Deceived about conditions of work',
    'Harhautettu työoloista',
    'Petetud töötingimuste osas',
    'Maldināts par darba apstākļiem',
  ],
  'dr.contract': [
    'Deceived about the content or legality of the work contract',
    'Harhautettu työsopimuksen sisällöstä tai laillisuudesta',
    'Petetud töölepingu sisu või seaduslikkuse osas',
    'Maldināts par darba līguma saturu vai likumību',
  ],
  'dr.familyReunification': [
    'Deceived about family reunification',
    'Harhautettu perheenyhdistämisestä',
    'Petetud perekonna taasühinemise osas',
    'Maldināts par ģimenes atkalapvienošanos',
  ],
  'dr.housing': [
    'Deceived about housing and living conditions',
    'Harhautettu asumisesta ja elinoloista',
    'Petetud eluaseme ja elamistingimuste osas',
    'Maldināts par mājokli un dzīves apstākļiem',
  ],
  'dr.documents': [
    'Deceived about legal documents or obtaining legal migrant status',
    'Harhautettu asiakirjoista tai laillisen oleskeluaseman saamisesta',
    'Petetud dokumentide või seadusliku rändajastaatuse saamise osas',
    'Maldināts par dokumentiem vai likumīga migranta statusa iegūšanu',
  ],
  'dr.travel': [
    'Deceived about travel and recruitment conditions',
    'Harhautettu matkan ja rekrytoinnin ehdoista',
    'Petetud reisi- ja värbamistingimuste osas',
    'Maldināts par ceļojuma un vervēšanas nosacījumiem',
  ],
  'dr.wages': [
    'Deceived about wages or earnings',
    'Harhautettu palkasta tai ansioista',
    'Petetud palga või sissetuleku osas',
    'Maldināts par algu vai ienākumiem',
  ],
  'dr.education': [
    'Deceived about access to education',
    'Harhautettu koulutusmahdollisuuksista',
    'Petetud haridusvõimaluste osas',
    'Maldināts par izglītības iespējām',
  ],
  'cr.violence': violence,
  'cr.abduction': [
    'Abduction, forced marriage, forced adoption or sale of the person',
    'Kaappaus, pakkoavioliitto, pakkoadoptio tai henkilön myyminen',
    'Röövimine, sundabielu, sundlapsendamine või isiku müümine',
    'Nolaupīšana, piespiedu laulība, piespiedu adopcija vai personas pārdošana',
  ],
  'cr.documents': documents,
  'cr.debt': debt,
  'cr.isolation': isolation,
  'cr.denunciation': denunciation,
  'cr.threatsViolence': threats,
  'cr.threatsFamily': [
    'Threats to inform family, community or public',
    'Uhkaus kertoa perheelle, yhteisölle tai julkisuuteen',
    'Ähvardus teavitada perekonda, kogukonda või avalikkust',
    'Draudi informēt ģimeni, kopienu vai sabiedrību',
  ],
  'cr.violenceFamily': violenceFamily,
  'cr.withholdingMoney': ['Withholding of money', 'Rahojen pidättäminen', 'Raha kinnipidamine', 'Naudas aizturēšana'],
  'rav.familySituation': [
    'Abuse of a difficult family situation',
    'Vaikean perhetilanteen hyväksikäyttö',
    'Raske perekonnaolukorra ärakasutamine',
    'Sarežģītas ģimenes situācijas izmantošana',
  ],
  'rav.illegalStatus': [
    'Abuse of irregular migration status',
    'Laittoman maassaoloaseman hyväksikäyttö',
    'Ebaseadusliku staatuse ärakasutamine',
    'Nelikumīga uzturēšanās statusa izmantošana',
  ],
  'rav.lackOfEducation': [
    'Abuse of lack of education',
    'Koulutuksen puutteen hyväksikäyttö',
    'Hariduse puudumise ärakasutamine',
    'Izglītības trūkuma izmantošana',
  ],
  'rav.lackOfInformation': [
    'Abuse of lack of information or of the language',
    'Tiedon tai kielitaidon puutteen hyväksikäyttö',
    'Teabe või keeleoskuse puudumise ärakasutamine',
    'Informācijas vai valodas zināšanu trūkuma izmantošana',
  ],
  'rav.control': [
    'Control by the exploiters',
    'Hyväksikäyttäjien kontrolli',
    'Ärakasutajate kontroll',
    'Izmantotāju kontrole',
  ],
  'rav.economic': economic,
  'rav.falseInfoLaw': [
    'False information about the law or the attitude of the authorities',
    'Väärää tietoa laista tai viranomaisten suhtautumisesta',
    'Valeteave seaduse või ametivõimude suhtumise kohta',
    'Nepatiesa informācija par likumu vai iestāžu attieksmi',
  ],
  'rav.falseInfoMigration': [
    'False information about successful migration',
    'Väärää tietoa onnistuneesta maastamuutosta',
    'Valeteave eduka rände kohta',
    'Nepatiesa informācija par veiksmīgu migrāciju',
  ],
  'rav.emotionalDependency': [
    'Psychological or emotional dependency',
    'Psyykkinen tai emotionaalinen riippuvuus',
    'Psühholoogiline või emotsionaalne sõltuvus',
    'Psiholoģiska vai emocionāla atkarība',
  ],
  'rav.legalStatus': legalStatus,
  'rav.personalSituation': [
    'Personal situation (health, age, disability)',
    'Henkilökohtainen tilanne (terveys, ikä, vamma)',
    'Isiklik olukord (tervis, vanus, puue)',
    'Personīgā situācija (veselība, vecums, invaliditāte)',
  ],
  'rav.separated': [
    'Child separated from parents or guardians',
    'Lapsi erotettu vanhemmistaan tai huoltajistaan',
    'Laps eraldatud vanematest või hooldajatest',
    'Bērns nošķirts no vecākiem vai aizbildņiem',
  ],
  'ec.excessiveHours': [
    'Excessive working days or hours',
    'Kohtuuttoman pitkät työpäivät tai -tunnit',
    'Ülemäära pikad tööpäevad või töötunnid',
    'Pārmērīgi garas darba dienas vai stundas',
  ],
  'ec.badLiving': ['Bad living conditions', 'Huonot elinolot', 'Halvad elamistingimused', 'Slikti dzīves apstākļi'],
  'ec.hazardous': ['Hazardous work', 'Vaarallinen työ', 'Ohtlik töö', 'Bīstams darbs'],
  'ec.lowPay': [
    'Low or no pay',
    'Pieni palkka tai ei palkkaa lainkaan',
    'Madal palk või palga puudumine',
    'Zems atalgojums vai tā trūkums',
  ],
  'ec.labourLaws': [
    'No respect for labour law or the signed contract',
    'Työlainsäädäntöä tai allekirjoitettua sopimusta ei noudateta',
    'Tööõigust või allkirjastatud lepingut ei järgita',
    'Netiek ievērots darba likums vai parakstītais līgums',
  ],
  'ec.socialProtection': [
    'No social protection (contract, social insurance)',
    'Ei sosiaaliturvaa (sopimus, sosiaalivakuutus)',
    'Sotsiaalse kaitse puudumine (leping, sotsiaalkindlustus)',
    'Nav sociālās aizsardzības (līgums, sociālā apdrošināšana)',
  ],
  'ec.badWorking': [
    'Very bad working conditions',
    'Erittäin huonot työolot',
    'Väga halvad töötingimused',
    'Ļoti slikti darba apstākļi',
  ],
  'ec.wageManipulation': [
    'Wage manipulation',
    'Palkan manipulointi',
    'Palgaga manipuleerimine',
    'Manipulācijas ar algu',
  ],
  'ec.education': [
    'No access to education',
    'Ei pääsyä koulutukseen',
    'Juurdepääsu puudumine haridusele',
    'Nav piekļuves izglītībai',
  ],
  'ec.noChoice': [
    'No freedom to refuse clients or practices',
    'Ei vapautta kieltäytyä asiakkaista tai käytännöistä',
    'Puudub vabadus keelduda klientidest või tegevustest',
    'Nav brīvības atteikt klientus vai darbības',
  ],
  'ec.tooYoung': [
    'Too young for the work done',
    'Liian nuori tehtävään työhön',
    'Liiga noor tehtava töö jaoks',
    'Pārāk jauns veicamajam darbam',
  ],
  'cd.documents': documents,
  'cd.debt': debt,
  'cd.isolation': isolation,
  'cd.violence': violence,
  'cd.forcedCriminal': [
    'Forced into illicit or criminal activities',
    'Pakotettu laittomaan tai rikolliseen toimintaan',
    'Sunnitud ebaseaduslikule või kuritegelikule tegevusele',
    'Piespiests veikt nelikumīgas vai noziedzīgas darbības',
  ],
  'cd.forcedTasks': [
    'Forced to do tasks or to serve clients',
    'Pakotettu tehtäviin tai palvelemaan asiakkaita',
    'Sunnitud täitma ülesandeid või teenindama kliente',
    'Piespiests veikt uzdevumus vai apkalpot klientus',
  ],
  'cd.againstPeers': [
    'Forced to act against peers',
    'Pakotettu toimimaan tovereita vastaan',
    'Sunnitud tegutsema kaaslaste vastu',
    'Piespiests rīkoties pret biedriem',
  ],
  'cd.forcedLie': [
    'Forced to lie to the authorities or the family',
    'Pakotettu valehtelemaan viranomaisille tai perheelle',
    'Sunnitud valetama ametivõimudele või perekonnale',
    'Piespiests melot iestādēm vai ģimenei',
  ],
  'cd.denunciation': denunciation,
  'cd.worseConditions': [
    'Threat of even worse working conditions',
    'Uhkaus vielä huonommista työoloista',
    'Ähvardus veelgi halvemate töötingimustega',
    'Draudi ar vēl sliktākiem darba apstākļiem',
  ],
  'cd.threatsViolence': threats,
  'cd.influence': [
    'Under strong influence of the exploiters',
    'Hyväksikäyttäjien voimakkaan vaikutuksen alaisena',
    'Ärakasutajate tugeva mõju all',
    'Izmantotāju spēcīgā ietekmē',
  ],
  'cd.violenceFamily': violenceFamily,
  'cd.withholdingWages': ['Withholding of wages', 'Palkan pidättäminen', 'Palga kinnipidamine', 'Algas aizturēšana'],
  'avd.dependency': [
    'Dependency on the exploiters',
    'Riippuvuus hyväksikäyttäjistä',
    'Sõltuvus ärakasutajatest',
    'Atkarība no izmantotājiem',
  ],
  'avd.unknownArea': [
    'Difficulty living in an unknown area',
    'Vaikeus elää tuntemattomassa ympäristössä',
    'Raskused võõras paigas elamisel',
    'Grūtības dzīvot nepazīstamā vietā',
  ],
  'avd.economic': economic,
  'avd.family': ['Family situation', 'Perhetilanne', 'Perekonnaolukord', 'Ģimenes situācija'],
  'avd.legalStatus': legalStatus,
  'avd.personal': [
    'Personal characteristics',
    'Henkilökohtaiset ominaisuudet',
    'Isikuomadused',
    'Personiskās īpašības',
  ],
};

export function delphiText(itemId: string): Text {
  const e = entries[itemId];
  if (!e) throw new Error(`No wording for Delphi item ${itemId}`);
  return t(e);
}
