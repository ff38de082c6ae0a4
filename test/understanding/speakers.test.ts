import { expect } from 'chai';
import { SpeakerRecogniser } from '../../src/understanding/speakers.ts';
import { OrganisationRecogniser } from '../../src/understanding/organisations.ts';
import { TopicRecogniser } from '../../src/understanding/topics.ts';
import { normalise } from '../../src/understanding/normalise.ts';
import { dfs, sample, dfsVocab } from './fixtures.ts';

describe('SpeakerRecogniser', () => {
  const speakers = new SpeakerRecogniser(dfs.speakers);
  const cases: [string, string | undefined][] = [
    ['who is Faaez Burney', 'faaez-burney'],
    ['tell me about asaf klingr', 'assaf-klinger'],
    ['Ally Simba', 'ally-yahaya-simba'],
    ['who is arnold kibuka', 'arnold-kibuuka'],
    ["what is vijay mauree's title", 'vijay-mauree'],
    ['karel van der lecq', 'karel-van-der-lecq'],
    ['when is kibuuka on', 'arnold-kibuuka'],
    ['who is vijay', 'vijay-mauree'],
    ['list all speakers', undefined],
    ['is there a van', undefined],
    // by job title, when only one speaker has it
    ['The Chief of Study Groups, when does he speak?', 'bilel-jamoussi'],
    ['who is the programme coordinator', 'vijay-mauree'],
    ['when does the executive secretary speak', 'ally-yahaya-simba'],
    ['is there a project about SS7', undefined],
    // English words are not misspelt surnames ("longer" is not "Klinger")
    ['how much longer does today run?', undefined],
  ];
  for (const [text, id] of cases) {
    it(`${JSON.stringify(text)} → ${id ?? 'none'}`, () => expect(speakers.recognise(normalise(text, dfsVocab).tokens)[0]?.speaker.id).to.equal(id));
  }
  it('finds names with diacritics typed without them', () => {
    const s = new SpeakerRecogniser(sample.speakers);
    expect(s.recognise(normalise('who is tomasz wiercinski').tokens)[0]?.speaker.id).to.equal('tomasz-wiercinski');
    expect(s.recognise(normalise('joaquin herera').tokens)[0]?.speaker.id).to.equal('joaquin-herrera');
  });
});

describe('OrganisationRecogniser', () => {
  const orgs = new OrganisationRecogniser(dfs);
  const cases: [string, string | undefined][] = [
    ['who is from ITU?', 'ITU'],
    ['International Telecommunication Union speakers', 'ITU'],
    ['speakers from adaptive mobile', 'Adaptive Mobile'],
    ['is anyone from EACO speaking', 'EACO'],
    ['who is from klinger consulting', 'Klinger Consulting'],
    ['who are the speakers', undefined],
  ];
  for (const [text, key] of cases) {
    it(`${JSON.stringify(text)} → ${key ?? 'none'}`, () => expect(orgs.recognise(normalise(text, dfsVocab).tokens)[0]?.organisation.key).to.equal(key));
  }
});

describe('TopicRecogniser', () => {
  const topics = new TopicRecogniser(dfs.topics);
  const cases: [string, string | undefined, string?][] = [
    ['what does the ITU DFS security lab do', 'dfs-security-lab', 'strong'],
    ['when was the security lab set up', 'dfs-security-lab', 'strong'],
    ['what is FIGI', 'figi', 'strong'],
    ['the SIT working group', 'figi', 'strong'],
    ['what is the lab', 'dfs-security-lab', 'weak'],
    ['who are the speakers', undefined],
  ];
  for (const [text, id, strength] of cases) {
    it(`${JSON.stringify(text)} → ${id ?? 'none'}`, () => {
      const m = topics.recognise(normalise(text, dfsVocab).tokens)[0];
      expect(m?.topic.id).to.equal(id);
      if (strength) expect(m?.strength).to.equal(strength);
    });
  }
});
