// The registration dialog: full name → e-mail → organisation → country → stakeholder category →
// reminders → consent → summary (confirm or change any field) → saved → confirmation with the reference.
// The same dialog updates an existing registration ("change my organisation", "register" again).
//
// It is a "form loop": one waterfall asks the first question still open, takes the answer into the form
// state and replaces itself. All state is plain JSON in the dialog stack (ConversationState on the
// durable store), so a restart mid-dialog resumes at the same question with earlier answers kept.
// Nothing reaches the registrations store before the attendee consented and confirmed the summary.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/bot/dialogsRuntime.ts';
import type { Clock } from '../src/clock.ts';
import type { EventData } from '../src/event/schema.ts';
import type { Logger } from '../src/logger.ts';
import { fieldChoicesIn, fieldLabelIn, fieldOf, parseChangeRequest, type Field } from '../src/registration/changeRequest.ts';
import { countryLabel, resolveCountry } from '../src/registration/country.ts';
import { categoryChoices, checkEmail, checkName, checkOrganisation, reminderChoicesIn, reminderLabelIn, type Checked } from '../src/registration/fields.ts';
import { escapeEmail, escapeMarkdown as esc } from '../src/registration/markdown.ts';
import { answerForm, matchChoice, yesNo, type ChoiceSpec } from '../src/registration/match.ts';
import type { Country, Registration, ReminderChoice } from '../src/registration/registration.ts';
import { EmailTakenError, normaliseEmail, type RegistrationStore } from '../src/registration/registrationStore.ts';
import { readCode, type EmailProof } from '../src/registration/emailProof.ts';
import { categoryLabel, detailsContent, joinDetailsReply, registeredReply, titleIn, type Details } from '../src/registration/replies.ts';
import { CANCEL_REGISTRATION_DIALOG } from './dialogIds.ts';
import { identityOfTurn, send } from './turn.ts';
import { AskPrompt, type AskOptions, type AskParser, type AskResult, type CommandInterrupt } from './askPrompt.ts';
import { LANGUAGE_KEY } from '../src/bot/eventBot.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../src/language/languages.ts';
import { say } from '../src/language/messages.ts';
import { botRegistersNow, lifecycleAt } from '../src/event/lifecycle.ts';
import { cannotRegisterHereReply } from '../src/conversation/registrationText.ts';

export const REGISTRATION_DIALOG = 'registration';
const FORM = 'registration.form';
const ASK = 'registration.ask';

export interface RegistrationDeps {
  store: RegistrationStore;
  event: EventData;
  clock: Clock;
  log: Logger;
  /** The JOIN_URL setting (wins over event.joinUrl). */
  joinUrl?: string;
  /** Sends and checks the codes that prove a typed e-mail address. */
  proof: EmailProof;
  /**
   * Whether the channel's profile (Teams: name and e-mail from getMember) is read at all, its e-mail taken as
   * proven: only when the bot runs with Bot Framework authentication, so the tenant vouches for it. In local mode
   * anyone can claim to be Teams and answer the lookup with someone else's profile, so nothing is looked up.
   */
  trustChannelProfile: boolean;
  /** Days unanswered questions are kept (for the privacy notice); undefined when they are not kept. */
  unansweredRetentionDays?: number;
}

export interface RegistrationOptions {
  mode?: 'register' | 'update';
  /** update: the field to change ("email", "organisation" …, loosely spelled) and maybe its new value. */
  field?: string;
  value?: string;
}

type Step = Field | 'confirmName' | 'confirmEmail' | 'code' | 'pickCountry' | 'link' | 'consent' | 'summary' | 'pickField';

interface FormState {
  mode: 'new' | 'update';
  /**
   * The dialog's language: the conversation's when it started. An answer does not change it (a name, "ITU" or an
   * English organisation name reads as English); asking for the other language ("in English please") does.
   */
  language: Language;
  draft: Details;
  /** From the Teams profile, waiting for the attendee's yes. */
  prefill?: { fullName?: string; email?: string };
  /** The e-mail came from the Teams (Entra ID) profile rather than being typed. */
  emailFromProfile?: boolean;
  countryCandidates?: Country[];
  /** The profile e-mail (vouched for by the tenant) already has a registration from another chat: ask before linking. */
  linkEmail?: string;
  /** An address waiting for the code sent to it; it becomes the draft's e-mail once proven. */
  proving?: string;
  /** The address proven in this dialog (by code, or vouched for by the channel). */
  provenEmail?: string;
  /** Said before the next question (e.g. why a code was not accepted), in the same message. */
  note?: string;
  linked?: boolean;
  consent?: boolean;
  /** update: save as soon as this field has its new value. */
  editing?: Field;
  /** The value being replaced, shown while asking for the new one. */
  previous?: string;
  dirty?: boolean;
  /** update: the registration as it was, to restore a field left half-changed when the attendee switches to another. */
  before?: Details;
  reference?: string;
  asking?: Step;
  /** At the summary the attendee asked to change something without naming it: which field is asked next. */
  pickingField?: boolean;
}

export class RegistrationDialog extends ComponentDialog {
  constructor(private readonly deps: RegistrationDeps) {
    super(REGISTRATION_DIALOG);
    this.addDialog(new AskPrompt(ASK, this.parsers(), this.onCommand, `${say(DEFAULT_LANGUAGE, 'regd.resume')} `, new Set(['name', 'organisation'])));
    this.addDialog(new WaterfallDialog(FORM, [(step) => this.askNext(step), (step) => this.takeAnswer(step)]));
    this.initialDialogId = FORM;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: RegistrationOptions): Promise<DialogTurnResult> {
    const { store, event } = this.deps;
    const context = inner.context;
    const existing = await store.byIdentity(identityOfTurn(context));
    const language = turnLanguage(context);
    if (!existing) {
      const state: FormState = { mode: 'new', language, draft: {}, prefill: this.deps.trustChannelProfile ? await teamsProfile(context) : undefined };
      await send(context, { text: say(language, 'regd.start', { title: titleIn(event, language) }) }, language);
      return inner.beginDialog(FORM, state);
    }

    const state: FormState = { mode: 'update', language, draft: detailsOf(existing), before: detailsOf(existing), consent: true, reference: existing.reference };
    const field = options?.field ? fieldOf(options.field) : undefined;
    if (field) {
      state.editing = field;
      if (await this.startChange(context, state, field, options?.value)) return this.finishEdit(inner, state);
    } else if (options?.mode === 'register') {
      await send(context, { text: say(language, 'regd.already', { title: titleIn(event, language), ref: existing.reference }) }, language);
    }
    return inner.beginDialog(FORM, state);
  }

  /** A message in the dialog's language. */
  private s(state: FormState, id: string, vars: Record<string, string | number> = {}): string {
    return say(state.language, id, vars);
  }

  private async askNext(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as FormState;
    state.language ??= turnLanguage(step.context); // a dialog saved before it had a language
    state.asking = nextStep(state);
    const options = this.question(state.asking, state);
    if (state.note) options.lead = state.note;
    delete state.note;
    return step.beginDialog(ASK, options);
  }

  private async takeAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as FormState;
    const context = step.context;
    const result = step.result as AskResult;
    const s = (id: string, vars?: Record<string, string | number>) => this.s(state, id, vars);
    const reply = (r: { text: string; suggestions?: string[] }) => send(context, r, state.language);
    if (result.status === 'stopped') {
      await reply({ text: s(`regd.stopped.${state.mode}`), suggestions: [s('regd.s.register'), s('regd.s.help')].slice(state.mode === 'new' ? 0 : 1) });
      return step.endDialog();
    }
    if (result.status === 'gave-up') {
      await reply({
        text: s(`regd.gaveUp.${state.mode}`),
        suggestions: state.mode === 'new' ? [s('regd.s.register'), s('regd.s.help')] : [s('regd.s.showRegistration'), s('regd.s.help')],
      });
      return step.endDialog();
    }

    if (result.status === 'command') {
      if (result.command.intent === 'cancel-registration') return step.replaceDialog(CANCEL_REGISTRATION_DIALOG);
      // update-registration while updating: switch to the field now named.
      const change = parseChangeRequest(result.text);
      const field = fieldOf(result.command.field) ?? change?.field;
      state.draft = { ...state.before, ...definedOnly(state.draft) };
      delete state.pickingField;
      delete state.previous;
      if (field) {
        if (state.editing) state.editing = field;
        if (await this.startChange(context, state, field, result.command.value ?? change?.value)) return this.finishEdit(step, state);
      } else delete state.editing;
      return step.replaceDialog(FORM, state);
    }

    const value = result.value as never;
    const asked = state.asking!;
    switch (asked) {
      case 'confirmName': {
        const v = value as { use?: boolean; name?: string };
        if (v.name) state.draft.fullName = v.name;
        else if (v.use) state.draft.fullName = state.prefill!.fullName;
        else delete state.prefill!.fullName;
        break;
      }
      case 'confirmEmail': {
        const v = value as { use?: boolean; email?: string };
        if (v.email) await this.takeEmail(context, state, v.email, false);
        else if (v.use) await this.takeEmail(context, state, state.prefill!.email!, true);
        else delete state.prefill!.email;
        break;
      }
      case 'link':
        await this.takeLink(context, state, value as boolean);
        break;
      case 'code':
        await this.takeCode(context, state, value as CodeAnswer);
        break;
      case 'pickCountry': {
        const v = value as { code?: string; country?: Country };
        const picked = v.country ?? state.countryCandidates?.find((c) => c.code === v.code);
        delete state.countryCandidates;
        if (picked) this.set(state, 'country', picked);
        break;
      }
      case 'consent':
        if (!value) {
          await reply({
            text: s('regd.declined', { title: titleIn(this.deps.event, state.language), need: s(this.deps.event.registration.mandatory ? 'regd.need.mandatory' : 'regd.need.optional') }),
            suggestions: [s('regd.s.register'), s('regd.s.help')],
          });
          return step.endDialog();
        }
        state.consent = true;
        break;
      case 'summary': {
        const v = value as { action: 'confirm' } | { action: 'pick' } | { action: 'change'; field: Field; value?: string };
        if (v.action === 'confirm') return this.save(step, state);
        if (v.action === 'pick') state.pickingField = true;
        else await this.startChange(context, state, v.field, v.value);
        break;
      }
      case 'pickField': {
        const v = value as { field: Field; value?: string };
        delete state.pickingField;
        await this.startChange(context, state, v.field, v.value);
        break;
      }
      case 'email':
        await this.takeEmail(context, state, value as string, false);
        break;
      case 'country': {
        const v = value as { country?: Country; candidates?: Country[] };
        if (v.country) this.set(state, 'country', v.country);
        else state.countryCandidates = v.candidates;
        break;
      }
      default:
        this.set(state, asked, value);
    }
    if (state.editing && nextStep(state) === 'summary') return this.finishEdit(step, state);
    return step.replaceDialog(FORM, state);
  }

  private set<F extends Field>(state: FormState, field: F, value: Details[F]) {
    state.draft[field] = value;
    delete state.previous;
    if (state.mode === 'update') state.dirty = true;
  }

  /**
   * An address given for the registration. One the channel vouches for is taken as it is; any other gets a code
   * sent to it first, and the reply is the same whether or not the address is registered already: only the code
   * tells (a new address is then registered, an existing registration linked to this chat).
   */
  private async takeEmail(context: TurnContext, state: FormState, email: string, fromProfile: boolean) {
    const address = normaliseEmail(email);
    delete state.proving;
    const unchanged = state.mode === 'update' && state.before?.email === address;
    if (unchanged || state.provenEmail === address) return this.takeProvenEmail(context, state, address, fromProfile);
    if (fromProfile && this.deps.trustChannelProfile) {
      state.provenEmail = address;
      return this.takeProvenEmail(context, state, address, true);
    }
    delete state.draft.email; // until the code comes back
    await this.sendCode(context, state, address, false);
  }

  /** Sends a code to `address` and asks for it; when none can be sent, says why and asks for the address again. */
  private async sendCode(context: TurnContext, state: FormState, address: string, again: boolean) {
    const sent = await this.deps.proof.send(address, identityOfTurn(context), state.language);
    if (sent.status === 'sent') {
      state.proving = address;
      if (again) state.note = this.s(state, 'regd.code.resent');
      return;
    }
    if (sent.status === 'rate-limited') {
      const wait = this.minutes(state, sent.retryInMinutes);
      if (again) {
        state.proving = address;
        state.note = this.s(state, 'regd.code.limitedAgain', { wait });
        return;
      }
      state.note = this.s(state, 'regd.code.limited', { wait });
    } else {
      state.note = this.s(state, 'regd.code.notSent');
    }
  }

  private minutes(state: FormState, n: number): string {
    return n === 1 ? this.s(state, 'regd.minutes.one') : this.s(state, 'regd.minutes.many', { n });
  }

  /** The answer at the code prompt: the code, "send again", or a different address. */
  private async takeCode(context: TurnContext, state: FormState, answer: CodeAnswer) {
    const address = state.proving!;
    if ('email' in answer) return this.takeEmail(context, state, answer.email, false);
    if ('resend' in answer) return this.sendCode(context, state, address, true);
    const checked = await this.deps.proof.check(address, identityOfTurn(context), answer.code);
    switch (checked.status) {
      case 'proven':
        delete state.proving;
        state.provenEmail = address;
        return this.takeProvenEmail(context, state, address, false);
      case 'wrong':
        state.note = checked.attemptsLeft === 1 ? this.s(state, 'regd.code.wrong.one') : this.s(state, 'regd.code.wrong.many', { n: checked.attemptsLeft });
        return;
      case 'too-many':
        state.note = this.s(state, 'regd.code.tooMany');
        return;
      case 'expired':
        state.note = this.s(state, 'regd.code.expired');
        return;
      case 'none':
        state.note = this.s(state, 'regd.code.none');
    }
  }

  /** An address the attendee has shown is theirs: register under it, or link this chat to its registration. */
  private async takeProvenEmail(context: TurnContext, state: FormState, address: string, vouched: boolean) {
    const identity = identityOfTurn(context);
    const existing = await this.deps.store.byEmail(address);
    const someoneElses = existing && !existing.identities.includes(identity) && existing.reference !== state.reference;
    if (state.mode === 'update') {
      if (someoneElses) {
        // Proven, so saying it is registered reveals nothing to a stranger.
        state.note = this.s(state, 'regd.emailOther');
        return;
      }
      this.set(state, 'email', address);
      state.emailFromProfile = vouched;
      return;
    }
    this.set(state, 'email', address);
    state.emailFromProfile = vouched;
    if (!someoneElses) {
      if (!vouched) state.note = this.s(state, 'regd.emailConfirmed');
      return;
    }
    if (vouched) {
      // The tenant vouches for the address: still ask, so nobody is linked by surprise.
      state.linkEmail = address;
      return;
    }
    await this.link(context, state, address, existing);
  }

  /** Links this chat to the registration of `email` and carries on as an update of it. */
  private async link(context: TurnContext, state: FormState, email: string, existing: Registration) {
    const linked = (await this.deps.store.link(email, identityOfTurn(context))) ?? existing;
    this.deps.log.info({ channel: context.activity.channelId, reference: linked.reference }, 'registration linked to another identity');
    Object.assign(state, { mode: 'update', draft: detailsOf(linked), before: detailsOf(linked), consent: true, linked: true, reference: linked.reference, dirty: false, prefill: undefined });
    await send(context, { text: this.s(state, 'regd.linked', { ref: linked.reference }) }, state.language);
  }

  private async takeLink(context: TurnContext, state: FormState, yes: boolean) {
    const email = state.linkEmail!;
    delete state.linkEmail;
    const existing = await this.deps.store.byEmail(email);
    if (!existing) return; // deleted meanwhile: carry on registering as new
    if (!yes) {
      delete state.draft.email;
      await send(context, { text: this.s(state, 'regd.linkDeclined') }, state.language);
      return;
    }
    await this.link(context, state, email, existing);
  }

  /**
   * Starts changing `field`: applies `value` when given and usable (true: nothing more to ask for it),
   * else clears the field so that it is asked next, showing its current value.
   */
  private async startChange(context: TurnContext, state: FormState, field: Field, value: string | undefined): Promise<boolean> {
    if (value && (await this.applyFieldValue(context, state, field, value))) return nextStep(state) === 'summary';
    if (state.draft[field] !== undefined) {
      state.previous = describe(field, state.draft, state.language, this.deps.event);
      delete state.draft[field];
    }
    return false;
  }

  /** Applies a typed value for `field` directly (from "change my e-mail to …"); false, with the reason said, when unusable. */
  private async applyFieldValue(context: TurnContext, state: FormState, field: Field, text: string): Promise<boolean> {
    const parsers = this.parsers();
    const options = this.question(field, state);
    const checked = await parsers[options.kind](text, options, context);
    if (!checked.ok) {
      await send(context, { text: checked.reason }, state.language);
      return false;
    }
    if (field === 'country') {
      const v = checked.value as { country?: Country; candidates?: Country[] };
      if (!v.country) {
        delete state.draft.country;
        state.countryCandidates = v.candidates;
        return true;
      }
      this.set(state, 'country', v.country);
    } else if (field === 'email') {
      await this.takeEmail(context, state, checked.value as string, false);
    } else {
      this.set(state, field, checked.value as never);
    }
    return true;
  }

  private async finishEdit(dc: DialogContext, state: FormState): Promise<DialogTurnResult> {
    const field = state.editing!;
    const saved = await this.saveUpdate(dc.context, state);
    if (saved === 'retry') return dc.replaceDialog(FORM, state);
    if (saved)
      await send(
        dc.context,
        { text: this.s(state, 'regd.changed', { field: fieldLabelIn(state.language, field), value: describe(field, saved, state.language, this.deps.event) }), suggestions: [this.s(state, 'regd.s.showRegistration'), this.s(state, 'regd.s.howJoin')] },
        state.language,
      );
    return dc.endDialog();
  }

  private async save(step: WaterfallStepContext, state: FormState): Promise<DialogTurnResult> {
    const context = step.context;
    if (state.mode === 'update') {
      if (!state.dirty) {
        await send(context, { text: this.s(state, 'regd.nothingChanged', { ref: state.reference! }), suggestions: [this.s(state, 'regd.s.howJoin'), this.s(state, 'regd.s.help')] }, state.language);
        return step.endDialog();
      }
      const saved = await this.saveUpdate(context, state);
      if (saved === 'retry') return step.replaceDialog(FORM, state);
      if (saved) await send(context, registeredReply(this.deps.event, saved, true, state.language), state.language);
      return step.endDialog();
    }
    const d = state.draft as Required<Details>;
    const now = this.deps.clock.now();
    // Registration closed while the form was being filled in: nothing is stored, and the attendee is told why.
    const lc = lifecycleAt(this.deps.event, now);
    if (!botRegistersNow(lc)) {
      await send(context, cannotRegisterHereReply(this.deps.event, lc, state.language), state.language);
      return step.endDialog();
    }
    try {
      const saved = await this.deps.store.save(
        {
          fullName: d.fullName,
          email: d.email,
          organisation: d.organisation,
          country: d.country,
          category: d.category,
          reminders: d.reminders,
          followedSessionIds: [],
          consentAt: now.toISOString(),
          language: state.language,
        },
        identityOfTurn(context),
        // Registered from another chat meanwhile: an address proven here may take it over, else EmailTakenError.
        { link: state.linked || state.provenEmail === normaliseEmail(d.email), now },
      );
      this.deps.log.info({ channel: context.activity.channelId, reference: saved.reference }, 'registration saved');
      await send(context, registeredReply(this.deps.event, saved, false, state.language), state.language);
      return step.endDialog();
    } catch (err) {
      if (!(err instanceof EmailTakenError)) throw err;
      // registered from another chat a moment ago: the same choice as when the address was typed
      await this.takeEmail(context, state, d.email, state.emailFromProfile === true);
      return step.replaceDialog(FORM, state);
    }
  }

  /** Saves an update; 'retry' when the e-mail turned out to be taken (the e-mail question is asked again). */
  private async saveUpdate(context: TurnContext, state: FormState): Promise<Registration | 'retry' | undefined> {
    const d = state.draft as Required<Details>;
    const identity = identityOfTurn(context);
    try {
      // The language the details were last confirmed in is the one proactive messages go out in.
      const patch = { fullName: d.fullName, email: d.email, organisation: d.organisation, country: d.country, category: d.category, reminders: d.reminders, language: state.language };
      const saved =
        (await this.deps.store.update(identity, () => patch, this.deps.clock.now())) ??
        // Deleted from another chat meanwhile: the attendee consented before and confirmed these details now.
        (await this.deps.store.save({ ...patch, followedSessionIds: [], consentAt: this.deps.clock.now().toISOString() }, identity, { now: this.deps.clock.now() }));
      this.deps.log.info({ channel: context.activity.channelId, reference: saved.reference }, 'registration updated');
      return saved;
    } catch (err) {
      if (!(err instanceof EmailTakenError)) throw err;
      await send(context, { text: this.s(state, 'regd.emailUsed') }, state.language);
      delete state.draft.email;
      state.dirty = true;
      return 'retry';
    }
  }

  // ── Questions ────────────────────────────────────────────────────────────────────────────────────

  private question(step: Step, state: FormState): AskOptions {
    const options = this.questionIn(step, state);
    return { ...options, language: state.language, resume: `${this.s(state, 'regd.resume')} ` };
  }

  private questionIn(step: Step, state: FormState): AskOptions {
    const { event } = this.deps;
    const lang = state.language;
    const s = (id: string, vars?: Record<string, string | number>) => this.s(state, id, vars);
    const now = state.previous ? s('regd.now', { value: state.previous }) : '';
    const yesNoSuggestions = [s('regd.s.yes'), s('regd.s.no')];
    switch (step) {
      case 'fullName':
        return { kind: 'name', text: state.mode === 'update' ? s('regd.q.nameUpdate', { now }) : s('regd.q.name') };
      case 'confirmName':
        return { kind: 'confirmName', text: s('regd.q.confirmName', { name: esc(state.prefill!.fullName!) }), suggestions: yesNoSuggestions };
      case 'email':
        return { kind: 'email', text: state.mode === 'update' ? s('regd.q.emailUpdate', { now }) : s('regd.q.email'), data: { mode: state.mode } };
      case 'code':
        return {
          kind: 'code',
          text: s('regd.q.code', { email: escapeEmail(state.proving!), minutes: this.minutes(state, Math.round(this.deps.proof.options.codeTtlMs / 60_000)) }),
          suggestions: [s('regd.s.sendAgain')],
        };
      case 'confirmEmail':
        return { kind: 'confirmEmail', text: s('regd.q.confirmEmail', { email: escapeEmail(state.prefill!.email!) }), suggestions: yesNoSuggestions };
      case 'link':
        return { kind: 'yesno', text: s('regd.q.link', { email: escapeEmail(state.linkEmail!) }), suggestions: [s('regd.s.yesMine'), s('regd.s.no')] };
      case 'organisation':
        return { kind: 'organisation', text: state.mode === 'update' ? s('regd.q.orgUpdate', { now }) : s('regd.q.org') };
      case 'country':
        return { kind: 'country', text: s('regd.q.country', { now }) };
      case 'pickCountry': {
        const candidates = state.countryCandidates!.map((c) => ({ code: c.code, name: countryLabel(c, lang) }));
        if (candidates.length === 1) {
          const [c] = candidates;
          const choices: ChoiceSpec[] = [
            { value: c.code, title: c.name, synonyms: [...YES_WORDS, ...OUI_WORDS] },
            { value: 'none', title: s('regd.s.no'), synonyms: [...NO_WORDS, ...NON_WORDS] },
          ];
          return { kind: 'pickCountry', text: s('regd.q.didYouMean', { country: esc(c.name) }), suggestions: yesNoSuggestions, data: { choices } };
        }
        const choices: ChoiceSpec[] = [
          ...candidates.map((c) => ({ value: c.code, title: c.name, synonyms: state.countryCandidates!.filter((x) => x.code === c.code).map((x) => x.name) })),
          { value: 'none', title: s('regd.s.noneOfThese'), synonyms: ['none', 'neither', 'no', 'other', 'none of these', 'aucun', 'aucun de ceux ci', 'non', 'autre'] },
        ];
        return { kind: 'pickCountry', text: s('regd.q.whichOne'), suggestions: choices.map((c) => c.title), data: { choices } };
      }
      case 'category': {
        const shown = lang === DEFAULT_LANGUAGE ? event.audience.groups : event.audience.groups.map((g) => categoryLabel(event, g, lang));
        const choices = categoryChoices(event.audience.groups, lang, shown);
        return { kind: 'choice', text: s('regd.q.category', { now }), suggestions: choices.map((c) => c.title), data: { choices } };
      }
      case 'reminders': {
        const choices = reminderChoicesIn(lang);
        return { kind: 'choice', text: s('regd.q.reminders', { now }), suggestions: choices.map((c) => c.title), data: { choices } };
      }
      case 'consent': {
        const days = this.deps.unansweredRetentionDays;
        const unanswered = days === undefined ? s('regd.unanswered.off') : s('regd.unanswered.kept', { days });
        return { kind: 'yesno', text: s('regd.q.consent', { title: titleIn(event, lang), unanswered }), suggestions: [s('regd.s.agree'), s('regd.s.noThanks')] };
      }
      case 'summary':
        // The details as a card (a row per field) where cards render, a list elsewhere; this line says what to do.
        return {
          kind: 'summary',
          text: state.mode === 'new' ? s('regd.q.summaryNew') : s(state.dirty ? 'regd.q.summarySave' : 'regd.q.summaryKeep'),
          content: detailsContent(state.draft, state.mode === 'update' ? state.reference : undefined, lang, event),
          suggestions: [s('regd.s.confirm'), s('regd.s.changeSomething')],
        };
      case 'pickField':
        return { kind: 'pickField', text: s('regd.q.pickField'), suggestions: fieldChoicesIn(lang).map((f) => f.title) };
    }
  }

  // ── Reading answers ──────────────────────────────────────────────────────────────────────────────

  private parsers(): Record<string, AskParser> {
    const langOf = (options: AskOptions): Language => options.language ?? DEFAULT_LANGUAGE;
    const no = (options: AskOptions, id: string, vars?: Record<string, string | number>) => ({ ok: false as const, reason: say(langOf(options), id, vars) });
    const choose = (text: string, choices: ChoiceSpec[], options: AskOptions): Checked<string> => {
      const found = matchChoice(text, choices);
      if (found.length === 1) return { ok: true, value: found[0].value };
      if (found.length > 1) return no(options, 'regd.r.ambiguous', { options: orList(found.map((c) => c.title), say(langOf(options), 'regd.or')) });
      return no(options, 'regd.r.choose', { options: choices.map((c) => c.title).join(', ') });
    };
    return {
      name: (text, options) => checkName(text, langOf(options)),
      organisation: (text, options) => checkOrganisation(text, langOf(options)),
      confirmName: (text, options) => {
        const yes = yesNo(text);
        if (yes !== undefined) return { ok: true, value: { use: yes } };
        const name = checkName(text, langOf(options));
        return name.ok ? { ok: true, value: { name: name.value } } : no(options, 'regd.r.confirmName', { reason: name.reason });
      },
      // Whether an address is registered already is never said here: only after its code comes back.
      email: (text, options) => checkEmail(text, langOf(options)),
      code: (text, options) => {
        const code = readCode(text);
        if (code) return { ok: true, value: { code } satisfies CodeAnswer };
        if (matchChoice(text, SEND_AGAIN).length === 1) return { ok: true, value: { resend: true } satisfies CodeAnswer };
        const email = checkEmail(text, langOf(options));
        if (email.ok) return { ok: true, value: { email: email.value } satisfies CodeAnswer };
        return no(options, /^\s*\d[\d\s-]*$/.test(text) ? 'regd.r.codeDigits' : 'regd.r.code');
      },
      confirmEmail: (text, options) => {
        const yes = yesNo(text);
        if (yes !== undefined) return { ok: true, value: { use: yes } };
        const email = checkEmail(text, langOf(options));
        return email.ok ? { ok: true, value: { email: email.value } } : no(options, 'regd.r.confirmEmail', { reason: email.reason });
      },
      yesno: (text, options) => {
        const yes = yesNo(text);
        return yes === undefined ? no(options, 'regd.r.yesno') : { ok: true, value: yes };
      },
      country: (text, options) => {
        const match = resolveCountry(text);
        if (match.kind === 'exact') return { ok: true, value: { country: match.country } };
        if (match.kind === 'candidates') return { ok: true, value: { candidates: match.countries } };
        return no(options, 'regd.r.country', { text: esc(text.slice(0, 60)) });
      },
      pickCountry: (text, options) => {
        const choices = options.data!.choices as ChoiceSpec[];
        const found = matchChoice(text, choices);
        if (found.length === 1) return { ok: true, value: { code: found[0].value } };
        const typed = resolveCountry(text);
        if (typed.kind === 'exact') return { ok: true, value: { country: typed.country } };
        return no(options, 'regd.r.pickCountry', { options: choices.map((c) => c.title).join(', ') });
      },
      choice: (text, options) => choose(text, options.data!.choices as ChoiceSpec[], options),
      pickField: (text, options) => {
        const change = parseChangeRequest(text);
        if (change) return { ok: true, value: change };
        const field = choose(text, fieldChoicesIn(langOf(options)), options);
        return field.ok ? { ok: true, value: { field: field.value } } : field;
      },
      summary: (text, options) => {
        const said = answerForm(text);
        if (yesNo(text) === true || CONFIRM.has(said)) return { ok: true, value: { action: 'confirm' } };
        const change = parseChangeRequest(text);
        if (change) return { ok: true, value: { action: 'change', ...change } };
        if (matchChoice(text, CHANGE_SOMETHING).length === 1) return { ok: true, value: { action: 'pick' } };
        return no(options, 'regd.r.summary', { fields: fieldChoicesIn(langOf(options)).map((f) => f.title.toLowerCase()).join(', ') });
      },
    };
  }

  /** A command typed at a prompt ("how do I join?", "register", "cancel my registration"). */
  private readonly onCommand: CommandInterrupt = async (context, intent, options) => {
    const { event, store, joinUrl } = this.deps;
    const lang = options.language ?? DEFAULT_LANGUAGE;
    switch (intent) {
      case 'cancel':
        return 'stop';
      case 'cancel-registration':
      case 'update-registration':
        // While updating, these act on the registration; while registering, there is none yet.
        return (await store.isRegistered(identityOfTurn(context))) ? 'command' : intent === 'cancel-registration' ? 'stop' : 'answer';
      case 'join': {
        const reg = await store.byIdentity(identityOfTurn(context));
        await send(context, reg ? joinDetailsReply(event, reg, joinUrl, lifecycleAt(event, this.deps.clock.now()), lang) : { text: say(lang, 'regd.joinSoon') }, lang);
        return 'reprompt';
      }
      case 'register':
      case 'registration-status': {
        const reg = await store.byIdentity(identityOfTurn(context));
        await send(context, { text: reg ? say(lang, 'regd.updatingNow', { ref: reg.reference }) : say(lang, 'regd.registeringNow') }, lang);
        return 'reprompt';
      }
      default:
        return 'answer';
    }
  };
}

type CodeAnswer = { code: string } | { resend: true } | { email: string };
const SEND_AGAIN: ChoiceSpec[] = [
  {
    value: 'resend',
    title: 'Send again',
    synonyms: ['resend', 'send it again', 'send the code again', 'send a new code', 'new code', 'another code', 'i didnt get it', 'i didnt get a code', 'no code', 'no email',
      'renvoyer', 'renvoyez', 'renvoie', 'renvoyer le code', 'renvoyez le code', 'envoyer a nouveau', 'envoyez un nouveau code', 'nouveau code', 'un autre code', 'je nai rien recu', 'je nai pas recu de code', 'pas de code', 'pas de mail', 'pas recu'],
  },
];

/** "Change something" at the summary, naming no field: the fields are offered next. */
const CHANGE_SOMETHING: ChoiceSpec[] = [
  {
    value: 'pick',
    title: 'Change something',
    synonyms: ['change', 'edit', 'change a detail', 'change details', 'change my details', 'make a change', 'something is wrong', 'fix something', 'not quite', 'no', 'wrong',
      'modifier', 'modifier quelque chose', 'changer', 'changer quelque chose', 'corriger', 'corriger quelque chose', 'il y a une erreur', 'pas tout a fait', 'non', 'faux'],
  },
];

const CONFIRM = new Set([
  'confirm', 'save', 'done', 'submit', 'register', 'register me', 'looks good', 'all good', 'thats all', 'that is all', 'nothing', 'all correct', 'perfect', 'correct', 'keep', 'keep them', 'no changes', 'nothing to change', 'all right', 'good',
  'confirmer', 'je confirme', 'valider', 'je valide', 'enregistrer', 'cest bon', 'tout est bon', 'tout est correct', 'cest correct', 'parfait', 'inscrivez moi', 'minscrire', 'rien', 'rien a changer', 'aucun changement', 'garder', 'les garder', 'ok cest bon', 'cest parfait', 'tres bien',
]);

/** Yes and no to a single candidate country ("Did you mean Côte d'Ivoire?"), in English and French. */
const YES_WORDS = ['yes', 'y', 'yeah', 'yep', 'correct', 'right', 'thats right', 'that one', 'yes please', 'exactly', 'sure', 'ok'];
const NO_WORDS = ['no', 'nope', 'none', 'neither', 'none of these', 'wrong', 'no it is not'];
const OUI_WORDS = ['oui', 'ouais', 'exact', 'exactement', 'cest ca', 'celui la', 'oui merci', 'daccord', 'tout a fait'];
const NON_WORDS = ['non', 'aucun', 'pas du tout', 'non ce nest pas ca', 'faux'];

/** The turn's language as the bot edge decided it (src/bot/eventBot.ts), else English. */
function turnLanguage(context: TurnContext): Language {
  const language: unknown = context.turnState.get(LANGUAGE_KEY);
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

function nextStep(s: FormState): Step {
  const d = s.draft;
  if (s.pickingField) return 'pickField';
  if (!d.fullName) return s.prefill?.fullName ? 'confirmName' : 'fullName';
  if (!d.email) return s.proving ? 'code' : s.prefill?.email ? 'confirmEmail' : 'email';
  if (s.linkEmail) return 'link';
  if (!d.organisation) return 'organisation';
  if (!d.country) return s.countryCandidates?.length ? 'pickCountry' : 'country';
  if (!d.category) return 'category';
  if (!d.reminders) return 'reminders';
  if (s.mode === 'new' && !s.consent) return 'consent';
  return 'summary';
}

function definedOnly(d: Details): Details {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as Details;
}

function detailsOf(r: Registration): Details {
  return { fullName: r.fullName, email: r.email, organisation: r.organisation, country: r.country, category: r.category, reminders: r.reminders };
}

/** A field's value as the attendee sees it, escaped. */
function describe(field: Field, d: Details, lang: Language, event: EventData): string {
  if (field === 'country') return esc(countryLabel(d.country, lang));
  if (field === 'category') return esc(categoryLabel(event, d.category, lang));
  if (field === 'reminders') return d.reminders ? reminderLabelIn(lang, d.reminders as ReminderChoice) : '';
  // A validated address needs only its formatting characters escaped: "walter@example\.org" showed its backslash.
  if (field === 'email') return escapeEmail(d.email ?? '');
  return esc(String(d[field] ?? ''));
}

function orList(items: string[], or: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

/** Name and e-mail from the Teams profile (msteams only); nothing when the lookup fails. */
async function teamsProfile(context: TurnContext): Promise<FormState['prefill']> {
  if (context.activity.channelId !== 'msteams') return undefined;
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    const name = member.name ? checkName(member.name) : undefined;
    const email = [member.email, member.userPrincipalName].map((e) => (e ? checkEmail(e) : undefined)).find((e) => e?.ok);
    return {
      fullName: name?.ok ? name.value : undefined,
      email: email?.ok ? email.value : undefined,
    };
  } catch {
    return undefined; // not in a Teams conversation the bot can query: ask instead
  }
}
