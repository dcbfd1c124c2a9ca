import type { ReactNode } from 'react';
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { emailCopy } from '../copy';
import { fillText } from '../format';
import type { EmailContext, EmailLocale } from './context';
import { styles } from './styles';

type LayoutProps = {
  locale: EmailLocale;
  context: EmailContext;
  preview: string;
  heading: string;
  /** Why this person gets this email, completing the footer's "sent to you by … {reason}". */
  reason: string;
  children: ReactNode;
};

export function EmailLayout({ locale, context, preview, heading, reason, children }: LayoutProps) {
  const copy = emailCopy[locale];
  return (
    <Html lang={locale} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.association}>{copy.association}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.rule} />
          <EmailFooter locale={locale} context={context} reason={reason} />
        </Container>
      </Body>
    </Html>
  );
}

function EmailFooter({ locale, context, reason }: { locale: EmailLocale; context: EmailContext; reason: string }) {
  const { footer } = emailCopy[locale];
  return (
    <Section>
      <Text style={styles.small}>{fillText(footer.sentBy, { reason })}</Text>
      <Text style={styles.small}>
        {fillText(footer.accountHelp, { accountEmail: <MailLink address={context.accountEmail} /> })}
        <br />
        {fillText(footer.officeHelp, { officeEmail: <MailLink address={context.officeEmail} /> })}
      </Text>
      <Text style={styles.small}>{fillText(footer.portal, { siteUrl: <Link href={context.siteUrl} style={styles.link}>{context.siteUrl}</Link> })}</Text>
      <Text style={styles.small}>{footer.noReply}</Text>
    </Section>
  );
}

export function MailLink({ address }: { address: string }) {
  return (
    <Link href={`mailto:${address}`} style={styles.link}>
      {address}
    </Link>
  );
}

/** The main action, with its address spelled out for clients that hide buttons or block links. */
export function ActionButton({ locale, href, label }: { locale: EmailLocale; href: string; label: string }) {
  return (
    <>
      <Section style={styles.buttonRow}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.small}>
        {emailCopy[locale].linkFallback}
        <br />
        <Link href={href} style={styles.url}>
          {href}
        </Link>
      </Text>
    </>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}
