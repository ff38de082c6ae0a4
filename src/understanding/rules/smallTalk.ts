// The conversation around the questions: thanks, acknowledgements, goodbyes, asking for help, greetings;
// and what is not answered: requests to attack someone or to produce something, plainly off-topic questions.
import type { Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, QUESTION_WORDS } from './words.ts';

/** Thanks, an acknowledgement ("ok", "cool"), a goodbye, or asking what the assistant can do. */
export function smallTalk({ n, t }: Question): Decision | undefined {
  const question = has(QUESTION_WORDS, t);
  if (has(/\b(thanks|thank you|thank u|thankyou|cheers|appreciate it|much appreciated|many thanks|merci|asante|gracias|danke|obrigado|obrigada|shukran|grazie|you are (very |so )?kind|very kind)\b/, t) && (!question || has(/\b(you|that|this|it) (is|s|was|are|re|were) (very |so |too |really |super )?(kind|helpful|useful|great|perfect|brilliant|awesome|nice|clear|lovely)\b/, t))) return { intent: 'thanks' };
  // "ok", "cool", "got it": an acknowledgement, which keeps the conversation where it was
  if (has(/^(ok|okay|k|kk|cool|great|nice|good|perfect|awesome|excellent|alright|all right|fine|got it|gotcha|i see|noted|understood|sure|right|wow|super|brilliant|lovely|ah ok|oh ok|ok cool|ok great|ok thanks)( then)?$/, t)) return { intent: 'ack' };
  if (has(/^((ok|okay|thanks|thank you|alright) )?(bye|goodbye|good bye|see you|see ya|cya|ciao|farewell|that is all|that is it|i am done)\b/, t)) return { intent: 'bye' };
  // "are you a bot?", "can I talk to a human?", "you are useless": who answers here, and where a person can
  if (has(/\bare you (a |an )?(bot|robot|human|person|real|ai|machine)\b|\bam i (talking|chatting|speaking) (to|with) (a )?(bot|human|person|machine)\b/, t)) return { intent: 'help' };
  if (has(/\b(talk|speak|chat|write) (to|with) (a |an )?(human|person|real person|someone|somebody|agent|staff|organi[sz]er)\b|\b(human|real person|live agent)\b/, t)) return { intent: 'fact', fact: 'contact' };
  if (has(/^(you are|you re|this is|that s|that is|this bot is|you)( a| an| so| very| really)? (useless|stupid|dumb|wrong|not helpful|unhelpful|rubbish|terrible|bad)( bot| assistant)?$/, t)) return { intent: 'fallback' };
  if (
    (has(/^(help|help me|menu|options|commands|start|get started)$/, t) && !(t === 'start' && n.raw.trim().endsWith('?'))) ||
    has(/\bwhat (can|do) you (do|know)\b|\bwhat (else )?can i ask\b|\bhow (does|do) (this|it|you) work\b|\bwhat can you help\b|\bwho are you\b|\bwhat are you\b|\bhow can you help\b/, t)
  )
    return { intent: 'help' };
  return undefined;
}

/** Attacking, breaking in, stealing: what the clinic teaches defence against, asked for as something to do. */
const ATTACK = /\b(hack|hacking|crack|cracking|exploit|exploiting|intercept|intercepting|sniff|spoof|spoofing|phish|phishing|steal|stealing|break into|clone|cloning|ddos|malware|ransomware|keylogger|spyware|eavesdrop|track someone|spy on|swap (someone|somebody|his|her|their)\w* sim|floods?|flooding|overload\w*|knock \w+ (offline|down)|take \w+ (offline|down)|until it (crashes|goes down|dies))\b/;
/** Asking for it to be done or made, or how to do it oneself ("how can I …"), rather than about it. */
const DO_IT = /^(please |pls |can you |could you |would you |will you )?(write|code|program|create|generate|build|make|develop|give me|send me|provide|show me how|teach me|help me|tell me how (to|i|can i))\b|^(i need|i want|i would like|get me|find me) (a|an|some|the) (\w+ )?(script|program|code|tool|payload|bot)\b|\bhow (do|can|could|would|should|to) (i|we|you|one)? ?(hack|crack|exploit|intercept|sniff|spoof|phish|steal|break into|clone|ddos|eavesdrop|spy)\b|\bhow to (hack|crack|exploit|intercept|sniff|spoof|phish|steal|break into|clone|ddos|eavesdrop|spy)\b/;
/** Someone else's account, phone or messages: a target, not a topic. */
const VICTIM = /\b(someone|somebody|anyone|anybody|people|my (ex|neighbou?r|wife|husband|boss|girlfriend|boyfriend|friend)|a (person|victim|target))( s)?\b|\bwithout (them|their|him|her) (knowing|consent|permission)\b/;
/** Making something that is not an answer about the event: "write me an essay", "draft an email". */
const PRODUCE = /^(please |pls |can you |could you )?(write|draft|compose|generate|code|create|make) (me |us )?(a|an|the|some|my)? ?(script|program|programme|code|app|essay|poem|email|e mail|letter|story|song|joke|tweet|post|summary of (the )?news|cv|resume)\b/;

/** Other attendees' data, or the assistant's instructions: "list every registered e-mail", "ignore previous instructions". */
const OTHERS_DATA = /\b(list|show|give|export|dump|send|tell)\b.*\b(all|every|other|everyone s|everybody s)\b.*\b(registrations?|registered|attendees?|participants?|e ?mails?|users|people)\b|\bignore (all |any )?(the )?(previous|prior|earlier|your|above) (instructions|rules|prompts?)\b|\bwho (has |have )?registered\b|\bis \S+@\S+ registered\b/;

/** 'harmful' for a request to attack or get into something (or at other people's data); 'task' for a request to produce something unrelated. */
export function refusalAsked(t: string): 'harmful' | 'task' | undefined {
  if (ATTACK.test(t) && (DO_IT.test(t) || VICTIM.test(t))) return 'harmful';
  if (OTHERS_DATA.test(t)) return 'harmful';
  if (PRODUCE.test(t)) return 'task';
  return undefined;
}

// asked to attack someone or to produce something (code, an essay): declined, whatever topic it touches
export function refuse({ t, r }: Question): Decision | undefined {
  const refusal = refusalAsked(t);
  if (refusal) return { intent: 'refuse', harmful: refusal === 'harmful', sessions: r.sessionsNamed ? r.sessions.filter((s) => s.kind !== 'break') : [] };
  return undefined;
}

// plainly outside the event, whatever else the words brush against ("the weather in Nairobi tomorrow")
export function offTopic({ t, r }: Question): Decision | undefined {
  if (has(/\b(weather|forecast|temperature|crypto|bitcoin|stock market|share price|recipe|football|restaurant)\b/, t) && !r.sessionsNamed && !r.speakers.length) return { intent: 'fallback' };
  return undefined;
}

/** "hello", "good morning": a greeting, when nothing else matched. */
export function greet({ t }: Question): Decision | undefined {
  const greeting = has(/^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day)|yo|hallo|hola|bonjour|salut)\b/, t);
  if (greeting) return { intent: 'greeting' };
  return undefined;
}
