// What the operator who publishes the site sets before building it. Browser-safe: pages read it.
export const siteConfig = {
  /** Where people send accessibility feedback (Act 306/2019 requires a channel). A placeholder until set. */
  accessibilityFeedback: "saavutettavuus@example.invalid"
};
