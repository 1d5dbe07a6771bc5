import { describe, expect, it } from 'vitest';
import type { FlagLanguage } from '../captures/index.ts';
import { MESSAGE_PHRASES, type MarkCategory } from './messageLanguage.ts';
import { markMessage } from './messageMarks.ts';

/** Messages a controller writes to a worker, per language, with the category each must raise. */
const TRUE_SAMPLES: Record<FlagLanguage, [string, MarkCategory][]> = {
  en: [
    ['Remember you need to pay 400 euro for the job before you come', 'recruitment'],
    ['At the border say you are a tourist, nothing else', 'recruitment'],
    ['Your debt for the flight and the room is 1200, you work it off first', 'debt'],
    ['We will deduct the rent and the fines from your salary every week', 'debt'],
    ['The boss will keep your passport, it is safer with us', 'documents'],
    ['You get your passport back when the debt is paid', 'documents'],
    ['You are not allowed to leave the house after work', 'control'],
    ["Don't talk to the police or the inspector if they come", 'control'],
    ['We know where your mother lives, think about it', 'control'],
  ],
  fi: [
    ['Sinun täytyy maksaa työpaikasta 300 euroa', 'recruitment'],
    ['Rajalla sano että olet turisti', 'recruitment'],
    ['Velka matkasta ja asunnosta on 900 euroa', 'debt'],
    ['Palkasta vähennetään vuokra ja sakot joka viikko', 'debt'],
    ['Passi jää minulle kunnes työ on tehty', 'documents'],
    ['Et saa lähteä asunnosta illalla', 'control'],
    ['Älä puhu poliisille mitään', 'control'],
    ['Tiedämme missä perheesi asuu', 'control'],
  ],
  et: [
    ['Pead maksma töökoha eest 300 eurot', 'recruitment'],
    ['Piiril ütle et sa oled turist', 'recruitment'],
    ['Sinu võlg reisi ja majutuse eest on 800', 'debt'],
    ['Palgast arvatakse maha üür ja trahvid', 'debt'],
    ['Hoiame sinu passi kuni töö on tehtud', 'documents'],
    ['Sa ei tohi lahkuda korterist', 'control'],
    ['Ära räägi politseile midagi', 'control'],
    ['Me teame kus su pere elab', 'control'],
  ],
  lv: [
    ['Tev jāmaksā 300 eiro par darbu pirms brauciena', 'recruitment'],
    ['Uz robežas saki ka tu esi tūrists', 'recruitment'],
    ['Tavs parāds par ceļu un biļetēm ir 700', 'debt'],
    ['Mēs ieturēsim no algas īri un sodus', 'debt'],
    ['Pase paliks pie manis līdz sezonas beigām', 'documents'],
    ['Tu nedrīksti iziet no mājas vakarā', 'control'],
    ['Nerunā ar policiju, saprati?', 'control'],
    ['Mēs zinām kur dzīvo tava ģimene', 'control'],
  ],
  ru: [
    ['Надо заплатить за работу 300 евро до отъезда', 'recruitment'],
    ['На границе скажи что ты туристка', 'recruitment'],
    ['Твой долг за дорогу и жилье 900 евро', 'debt'],
    ['Вычтем из зарплаты за жилье и штрафы', 'debt'],
    ['Паспорт будет у меня, так надежнее', 'documents'],
    ['Отдай паспорт бригадиру сегодня', 'documents'],
    ['Никуда не выходи из квартиры', 'control'],
    ['Не говори полиции ничего', 'control'],
    ['Мы знаем где живет твоя семья', 'control'],
  ],
  uk: [
    ['Треба заплатити за роботу 300 євро', 'recruitment'],
    ['На кордоні скажи що ти турист', 'recruitment'],
    ['Твій борг за дорогу і житло 900 євро', 'debt'],
    ['Вирахуємо з зарплати за житло і штрафи', 'debt'],
    ['Паспорт буде у мене до кінця сезону', 'documents'],
    ['Нікуди не виходь з квартири', 'control'],
    ['Не говори поліції нічого', 'control'],
    ['Ми знаємо де живе твоя сім’я', 'control'],
  ],
};

/** Innocent chats about money, work and travel, per language: none may be marked. */
const INNOCENT: Record<FlagLanguage, string[]> = {
  en: [
    'You owe me 20 for the concert tickets, no rush',
    'Tax is deducted from salary automatically, check your payslip',
    "Don't forget to take your passport to the airport",
    'Give me your passport number so I can book the flight',
    "I can't leave work before six, the boss wants the order finished",
    'They pay well for the job, and the hotel has free breakfast',
    "We don't keep your passport, it stays with you at all times",
    'You will get your passport back after they stamp the visa',
    'The bank says my debt on the card is almost paid',
    'Did you pay the rent in advance this month?',
    'Take the bus at eight, the ticket costs 3 euros',
    'The new contract starts in May, I signed it yesterday',
  ],
  fi: [
    'Olet minulle velkaa kympin pizzasta',
    'Palkasta vähennetään vero automaattisesti',
    'Muista ottaa passi mukaan lentokentälle',
    'Otan passin mukaan matkalle',
    'En pääse lähtemään töistä ennen kuutta',
    'Palkka maksetaan kuun viimeisenä päivänä',
    'Bussilippu maksaa kolme euroa',
    'Allekirjoitin työsopimuksen eilen',
  ],
  et: [
    'Sa oled mulle võlgu kümme eurot',
    'Palgast arvatakse maha tulumaks',
    'Võtan passi kaasa lennujaama',
    'Ma ei saa enne kuut töölt lahkuda',
    'Palk makstakse kuu lõpus',
    'Bussipilet maksab kolm eurot',
    'Allkirjastasin töölepingu eile',
    'Ära unusta passi, lend on homme',
  ],
  lv: [
    'Tu man esi parādā desmit eiro par picu',
    'No algas ietur nodokli automātiski',
    'Iedod man pases numuru, nopirkšu biļetes',
    'Neaizmirsti paņemt pasi uz lidostu',
    'Alga būs mēneša beigās',
    'Autobusa biļete maksā trīs eiro',
    'Vakar parakstīju darba līgumu',
    'Es nevaru iziet no darba pirms sešiem',
  ],
  ru: [
    'Ты мне должен за билеты в кино',
    'Из зарплаты вычитают налог автоматически',
    'Заберу паспорт из визового центра завтра',
    'Дай номер паспорта, я куплю билеты',
    'Долго ехать, дорога плохая',
    'Не говори никому про сюрприз',
    'Зарплату платят в конце месяца',
    'Сдай паспорт на визу до пятницы',
  ],
  uk: [
    'Ти мені винен за квитки в кіно',
    'Із зарплати податок вираховують автоматично',
    'Заберу паспорт з візового центру завтра',
    'Дай номер паспорта, я куплю квитки',
    'Не говори нікому про сюрприз',
    'Зарплату платять наприкінці місяця',
    'Здай паспорт на візу до пʼятниці',
    'Квиток на автобус коштує три гривні',
  ],
};

describe('indicator language in messages', () => {
  for (const [language, samples] of Object.entries(TRUE_SAMPLES)) {
    it(`marks controllers' messages in ${language} with the right category and language`, () => {
      for (const [text, category] of samples) {
        const marks = markMessage(text);
        expect(
          marks.map((m) => m.category),
          text,
        ).toContain(category);
        const m = marks.find((x) => x.category === category);
        expect(m?.language).toBe(language);
        expect(m && text.slice(m.start, m.end)).toBe(m?.phrase);
        expect(m?.snippet).toContain(m?.phrase);
      }
    });
  }

  for (const [language, samples] of Object.entries(INNOCENT)) {
    it(`leaves innocent chats about money, work and travel in ${language} unmarked`, () => {
      const marked = samples.filter((t) => markMessage(t).length > 0);
      expect(marked).toEqual([]);
    });
  }

  it('keeps false marks on all innocent samples at most 5%', () => {
    const all = Object.values(INNOCENT).flat();
    const marked = all.filter((t) => markMessage(t).length);
    expect(marked.length / all.length).toBeLessThanOrEqual(0.05);
  });

  it('does not count a phrase its own sentence denies', () => {
    expect(markMessage('We will never keep your passport')).toEqual([]);
    expect(markMessage('Мы не заберем твой паспорт')).toEqual([]);
    expect(markMessage('The boss will keep your passport')).toHaveLength(1);
  });

  it('brings the recruitment red flags of job ads along', () => {
    const marks = markMessage('There is a recruitment fee of 500, no experience needed');
    expect(marks.map((m) => m.ruleId)).toEqual(['redFlag.advanceFee', 'redFlag.noExperienceNeeded']);
  });

  it('gives every list its source, and every phrase in all six languages', () => {
    for (const d of MESSAGE_PHRASES) {
      expect(d.source.length).toBeGreaterThan(10);
      expect(Object.keys(d.phrases).sort()).toEqual(['en', 'et', 'fi', 'lv', 'ru', 'uk']);
    }
  });
});
