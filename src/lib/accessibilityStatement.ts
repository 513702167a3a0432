// The accessibility statement (saavutettavuusseloste) that Finland's Act on the Provision of Digital
// Services (306/2019, section 15) requires of a public body's site, in Finnish, Swedish and English.
// The feedback address is the operator's: set it in src/lib/siteConfig.ts.
import type {Language} from "./strings.js";

export interface AccessibilityStatementText {
  title: string;
  intro: string;
  statusTitle: string;
  status: string;
  gapsTitle: string;
  gaps: string[];
  preparedTitle: string;
  prepared: string;
  feedbackTitle: string;
  feedback: string;
  enforcementTitle: string;
  enforcement: string;
  authority: string[];
  footerLink: string;
}

const en: AccessibilityStatementText = {
  title: "Accessibility statement",
  intro:
    "This statement covers the Vuoto site: the report pages and the explorer. We want everyone to be able to use it, and we follow the Act on the Provision of Digital Services (306/2019).",
  statusTitle: "How accessible the site is",
  status:
    "The site partially meets the WCAG 2.1 level AA criteria. Every page is checked automatically with axe-core in a real browser, in light and dark colour schemes, and has no serious or critical violation; the automatic check does not find everything.",
  gapsTitle: "What is not accessible yet",
  gaps: [
    "Charts are drawn as images with a short text alternative. Every figure in a chart is also in a table on the same page or in the explorer's table, which screen readers read in full.",
    "The explorer's timeline brush needs a pointer; the date fields below it select the same weeks by keyboard.",
    "The SQL console expects SQL; its results are shown as a table, but the quick chart has no text alternative beyond that table."
  ],
  preparedTitle: "How this statement was made",
  prepared:
    "The statement is based on the site's automatic accessibility tests and on a review by the team that builds it. It is reviewed whenever the site changes substantially.",
  feedbackTitle: "Feedback",
  feedback:
    "If you notice a problem with accessibility, or cannot use something on the site, tell us. We answer within 14 days. Write to:",
  enforcementTitle: "Enforcement",
  enforcement:
    "If you are not satisfied with our answer, or get none within two weeks, you can notify the Regional State Administrative Agency for Southern Finland, which supervises the accessibility requirements:",
  authority: [
    "Regional State Administrative Agency for Southern Finland, Accessibility Monitoring Unit",
    "www.saavutettavuusvaatimukset.fi",
    "saavutettavuus@avi.fi",
    "telephone (switchboard) 0295 016 000"
  ],
  footerLink: "Accessibility statement"
};

const fi: AccessibilityStatementText = {
  title: "Saavutettavuusseloste",
  intro:
    "Tämä seloste koskee Vuoto-sivustoa: raporttisivuja ja tutkijanäkymää. Haluamme, että jokainen voi käyttää sivustoa, ja noudatamme lakia digitaalisten palvelujen tarjoamisesta (306/2019).",
  statusTitle: "Sivuston saavutettavuuden tila",
  status:
    "Sivusto täyttää WCAG 2.1 -kriteerien AA-tason osittain. Jokainen sivu tarkistetaan automaattisesti axe-core-työkalulla oikeassa selaimessa vaalealla ja tummalla värityksellä, eikä siinä ole vakavia tai kriittisiä virheitä; automaattinen tarkistus ei löydä kaikkea.",
  gapsTitle: "Mikä ei vielä ole saavutettavaa",
  gaps: [
    "Kaaviot piirretään kuvina, joilla on lyhyt tekstivastine. Jokainen kaavion luku on myös taulukossa samalla sivulla tai tutkijanäkymän taulukossa, jonka ruudunlukija lukee kokonaan.",
    "Tutkijanäkymän aikajanan rajaus vaatii osoitinlaitteen; sen alla olevilla päivämääräkentillä samat viikot valitaan näppäimistöllä.",
    "SQL-konsoli edellyttää SQL-kielen osaamista; tulokset näytetään taulukkona, mutta pikakaaviolla ei ole muuta tekstivastinetta kuin taulukko."
  ],
  preparedTitle: "Selosteen laatiminen",
  prepared:
    "Seloste perustuu sivuston automaattisiin saavutettavuustesteihin ja sivustoa rakentavan tiimin arvioon. Se tarkistetaan aina, kun sivusto muuttuu olennaisesti.",
  feedbackTitle: "Palaute",
  feedback:
    "Jos huomaat saavutettavuusongelman tai et voi käyttää jotakin sivuston osaa, kerro siitä meille. Vastaamme 14 päivän kuluessa. Kirjoita osoitteeseen:",
  enforcementTitle: "Valvontaviranomainen",
  enforcement:
    "Jos et ole tyytyväinen vastaukseemme tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen Etelä-Suomen aluehallintovirastoon, joka valvoo saavutettavuusvaatimusten toteutumista:",
  authority: [
    "Etelä-Suomen aluehallintovirasto, saavutettavuuden valvonnan yksikkö",
    "www.saavutettavuusvaatimukset.fi",
    "saavutettavuus@avi.fi",
    "puhelinnumero (vaihde) 0295 016 000"
  ],
  footerLink: "Saavutettavuusseloste"
};

const sv: AccessibilityStatementText = {
  title: "Tillgänglighetsutlåtande",
  intro:
    "Detta utlåtande gäller webbplatsen Vuoto: rapportsidorna och utforskaren. Vi vill att alla ska kunna använda den, och vi följer lagen om tillhandahållande av digitala tjänster (306/2019).",
  statusTitle: "Webbplatsens tillgänglighet",
  status:
    "Webbplatsen uppfyller delvis kriterierna på nivå AA i WCAG 2.1. Varje sida kontrolleras automatiskt med axe-core i en riktig webbläsare, i ljust och mörkt färgschema, och har inga allvarliga eller kritiska fel; den automatiska kontrollen hittar inte allt.",
  gapsTitle: "Vad som ännu inte är tillgängligt",
  gaps: [
    "Diagrammen ritas som bilder med ett kort textalternativ. Varje siffra i ett diagram finns också i en tabell på samma sida eller i utforskarens tabell, som skärmläsare läser i sin helhet.",
    "Utforskarens tidslinje avgränsas med ett pekdon; datumfälten under den väljer samma veckor med tangentbordet.",
    "SQL-konsolen förutsätter kunskaper i SQL; resultaten visas som en tabell, men snabbdiagrammet har inget annat textalternativ än tabellen."
  ],
  preparedTitle: "Hur utlåtandet har utarbetats",
  prepared:
    "Utlåtandet bygger på webbplatsens automatiska tillgänglighetstester och på en bedömning av teamet som bygger den. Det ses över när webbplatsen ändras väsentligt.",
  feedbackTitle: "Respons",
  feedback:
    "Om du märker ett tillgänglighetsproblem eller inte kan använda något på webbplatsen, berätta det för oss. Vi svarar inom 14 dagar. Skriv till:",
  enforcementTitle: "Tillsynsmyndighet",
  enforcement:
    "Om du inte är nöjd med vårt svar eller inte får något svar inom två veckor kan du göra en anmälan till Regionförvaltningsverket i Södra Finland, som övervakar att tillgänglighetskraven följs:",
  authority: [
    "Regionförvaltningsverket i Södra Finland, enheten för tillgänglighetstillsyn",
    "www.tillganglighetskrav.fi",
    "saavutettavuus@avi.fi",
    "telefon (växel) 0295 016 000"
  ],
  footerLink: "Tillgänglighetsutlåtande"
};

export const accessibilityStatement: Record<Language, AccessibilityStatementText> = {en, fi, sv};
