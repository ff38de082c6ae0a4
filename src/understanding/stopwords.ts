// Generic English (and French) words that carry no topic: dropped before matching sessions, reports and topics,
// so "what time is the session on X" searches for X only.
export const STOPWORDS = new Set(
  (
    'a an the and or of on in at to for from by with about into over under as is are was were be been being am do does did ' +
    'doing done have has had will would shall should can could may might must i me my mine we us our you your he him his she ' +
    'her hers they them their it its this that these those there here what whats which who whom whose when where why how ' +
    'please pls tell show give list find know want like need get let any anything some something all each every other else ' +
    'more most much many also just only not no yes there s t time times session sessions talk talks presentation presentations ' +
    'about topic topics event clinic forum day days today tomorrow speaker speakers speak speaks speaking present presents ' +
    'presenting presenter presenters talking happen happens happening going on start starts begin begins end ends finish ' +
    'finishes long how duration report reports document documents paper papers publication publications link links url ' +
    'where read reading material materials related relate relating is there covered cover covers discussed discuss discussing ' +
    'describe details detail info information summary agenda programme program schedule slot item thing things someone anyone ' +
    'main good best great new big small kind sort type way lot lots really very well much many '+
    'who whos one ones first second last next final then after before during up out again ok okay hi hello hey thanks thank'
    // French, as src/language/frenchCanonical.ts leaves it (accents off, elisions spelled out: "le", "que", "ce est")
    + ' de la le les des du et en pour sur un une au aux ce cet cette ces est sont que qui quoi quel quelle quels quelles y a ' +
    'il elle on se sa son ses leur leurs avec dans par pas ne plus tout tous toute toutes mon ma mes je tu vous nous me te moi ' +
    'toi ca cela ou mais donc car si seance clinique jour jours journee programme presente presentent parle parlent intervient ' +
    'intervention evenement heure heures sujet theme faire fait peux peut puis veux voudrais dire veut signifie plait svp merci ' +
    'bonjour quand lieu avoir aura sera etre va vont ont ai as avez encore deja aussi bien tres quelque chose qu lequel laquelle'
  ).split(/\s+/),
);
