// Generic English words that carry no topic: dropped before matching sessions, reports and topics,
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
  ).split(/\s+/),
);
