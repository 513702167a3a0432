// TEMPORARY minimal stand-in with the API of branch `identifiers`; replaced when that branch is merged.
export type IdentifierKind = "personal_identity_code" | "email" | "phone" | "iban";

export const identifierKindLabel: Record<IdentifierKind, string> = {
  personal_identity_code: "Finnish personal identity code",
  email: "e-mail address",
  phone: "Finnish phone number",
  iban: "IBAN"
};

const SUGGESTIVE = /(hetu|ssn|henkilotunnus|identity_code|email|e_mail|sahkoposti|phone|puhelin|iban|tilinumero|name|nimi|address|osoite)/i;

export function columnNameSuggestsIdentifier(name: string): boolean {
  return SUGGESTIVE.test(name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
}

export function findIdentifierKinds(text: string): IdentifierKind[] {
  const kinds: IdentifierKind[] = [];
  if (/\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/i.test(text)) kinds.push("personal_identity_code");
  if (/[\w.%+-]+@[\w-]+\.[\w.-]+/.test(text)) kinds.push("email");
  if (/(?:\+358|\b0)[ -]?\d{1,3}[ -]?\d{3}[ -]?\d{3,4}\b/.test(text)) kinds.push("phone");
  if (/\bFI\d{2}(?: ?\d){14}\b/.test(text)) kinds.push("iban");
  return kinds;
}

export const IDENTIFIER_CANDIDATE_PATTERN = [
  "\\d{6}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Za-z]",
  "[\\pL\\pN._%+-]@[\\pL\\pN-]+\\.",
  "(?:\\+|00)358",
  "(?:^|[^\\pL\\pN])0[ -]?\\d(?:[ -]?\\d){4}",
  "[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){11}"
].join("|");
