/** What every email needs to know about the sender, passed in so templates stay pure functions of their props. */
export type EmailContext = {
  siteUrl: string;
  accountEmail: string;
  officeEmail: string;
};

export type EmailLocale = 'fr' | 'en';

export type TemplateProps<P> = P & { locale: EmailLocale; context: EmailContext };
