/**
 * Every word of every email, in both languages. `fr` is the source of the shape; `en` must match it
 * (a unit test compares keys and {placeholders}). Placeholders are filled by lib/email/format.ts.
 * French typography: non-breaking spaces (U+00A0) before « : » and inside guillemets.
 */

export type PluralText = { one: string; other: string };

const fr = {
  association: 'Association canadienne du parachutisme sportif (ACPS)',
  associationShort: 'ACPS',
  portalName: 'Portail des membres',
  greeting: 'Bonjour {firstName},',
  linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
  footer: {
    sentBy: 'Ce courriel vous est envoyé par l’Association canadienne du parachutisme sportif (ACPS) {reason}.',
    accountHelp: 'Questions sur votre compte\u00a0: {accountEmail}',
    officeHelp: 'Autres questions\u00a0: {officeEmail}',
    noReply: 'Ce courriel est envoyé automatiquement\u00a0: merci de ne pas y répondre, écrivez plutôt à l’une des adresses ci-dessus.',
    portal: 'Portail des membres\u00a0: {siteUrl}',
  },
  passwordReset: {
    subject: 'Votre lien pour choisir un mot de passe – ACPS',
    preview: 'Choisissez votre mot de passe pour le portail des membres.',
    heading: 'Choisir votre mot de passe',
    intro: 'Vous avez demandé un lien pour choisir un mot de passe pour le portail des membres de l’ACPS.',
    button: 'Choisir mon mot de passe',
    validity: {
      one: 'Ce lien ne fonctionne qu’une seule fois, pendant {count}\u00a0minute.',
      other: 'Ce lien ne fonctionne qu’une seule fois, pendant {count}\u00a0minutes.',
    },
    ignore: 'Si vous n’avez rien demandé, vous pouvez ignorer ce courriel\u00a0: votre mot de passe ne change pas.',
    problems: 'En cas de problème, écrivez-nous à {accountEmail}.',
    reason: 'parce qu’un lien pour choisir un mot de passe a été demandé pour votre compte',
  },
  usernameReminder: {
    subject: 'Votre nom d’utilisateur – ACPS',
    preview: 'Le rappel de votre nom d’utilisateur pour le portail des membres.',
    heading: 'Votre nom d’utilisateur',
    intro: 'Vous avez demandé un rappel de votre nom d’utilisateur pour le portail des membres de l’ACPS.',
    usernameLabel: 'Votre nom d’utilisateur\u00a0:',
    button: 'Me connecter',
    ignore: 'Si vous n’avez rien demandé, vous pouvez ignorer ce courriel.',
    problems: 'En cas de problème, écrivez-nous à {accountEmail}.',
    reason: 'parce qu’un rappel du nom d’utilisateur a été demandé pour votre compte',
  },
  passwordChanged: {
    subject: 'Votre mot de passe a été modifié – ACPS',
    preview: 'Le mot de passe de votre compte vient d’être modifié.',
    heading: 'Votre mot de passe a été modifié',
    intro: 'Le mot de passe de votre compte du portail des membres de l’ACPS vient d’être modifié.',
    ifYou: 'Si c’est vous, vous n’avez rien à faire.',
    signIn: 'Me connecter',
    ifNotYou: 'Si ce n’est pas vous, choisissez un nouveau mot de passe dès maintenant, puis écrivez-nous à {accountEmail}.',
    button: 'Choisir un nouveau mot de passe',
    reason: 'pour vous prévenir d’un changement important à votre compte',
  },
  emailChangeConfirm: {
    subject: 'Confirmez votre nouvelle adresse courriel – ACPS',
    preview: 'Confirmez votre nouvelle adresse courriel pour le portail des membres.',
    heading: 'Confirmer votre nouvelle adresse courriel',
    intro: 'Vous avez demandé que {newEmail} devienne l’adresse courriel de votre compte du portail des membres de l’ACPS.',
    button: 'Confirmer cette adresse',
    validity: {
      one: 'Ce lien ne fonctionne qu’une seule fois, pendant {count}\u00a0heure.',
      other: 'Ce lien ne fonctionne qu’une seule fois, pendant {count}\u00a0heures.',
    },
    untilConfirmed: 'D’ici là, nous continuons d’utiliser votre adresse actuelle.',
    ignore: 'Si vous n’avez rien demandé, vous pouvez ignorer ce courriel\u00a0: rien ne changera.',
    reason: 'parce que cette adresse a été donnée comme nouvelle adresse courriel d’un compte',
  },
  emailChangeNotice: {
    subject: 'Changement de votre adresse courriel – ACPS',
    preview: 'Une nouvelle adresse courriel a été demandée pour votre compte.',
    heading: 'Changement de votre adresse courriel',
    intro: 'Nous avons reçu une demande pour remplacer l’adresse courriel de votre compte du portail des membres de l’ACPS par\u00a0: {newEmail}',
    ifYou: 'Si c’est vous, vous n’avez rien à faire.',
    ifNotYou: 'Si ce n’est pas vous, écrivez-nous tout de suite à {contactEmail}\u00a0: nous vous aiderons à protéger votre compte.',
    reason: 'parce que cette adresse est celle de votre compte',
  },
};

export type EmailCopy = typeof fr;

const en: EmailCopy = {
  association: 'Canadian Sport Parachuting Association (CSPA)',
  associationShort: 'CSPA',
  portalName: 'Member portal',
  greeting: 'Hello {firstName},',
  linkFallback: 'If the button does not work, copy this address into your browser:',
  footer: {
    sentBy: 'This email was sent to you by the Canadian Sport Parachuting Association (CSPA) {reason}.',
    accountHelp: 'Questions about your account: {accountEmail}',
    officeHelp: 'Other questions: {officeEmail}',
    noReply: 'This email is sent automatically: please do not reply to it; write to one of the addresses above instead.',
    portal: 'Member portal: {siteUrl}',
  },
  passwordReset: {
    subject: 'Your link to choose a password – CSPA',
    preview: 'Choose your password for the member portal.',
    heading: 'Choose your password',
    intro: 'You asked for a link to choose a password for the CSPA member portal.',
    button: 'Choose my password',
    validity: {
      one: 'This link works only once, for {count} minute.',
      other: 'This link works only once, for {count} minutes.',
    },
    ignore: 'If you did not ask for it, you can ignore this email: your password does not change.',
    problems: 'If you have any problem, write to us at {accountEmail}.',
    reason: 'because a link to choose a password was requested for your account',
  },
  usernameReminder: {
    subject: 'Your username – CSPA',
    preview: 'Your username for the member portal, as you asked.',
    heading: 'Your username',
    intro: 'You asked for a reminder of your username for the CSPA member portal.',
    usernameLabel: 'Your username:',
    button: 'Sign in',
    ignore: 'If you did not ask for it, you can ignore this email.',
    problems: 'If you have any problem, write to us at {accountEmail}.',
    reason: 'because a username reminder was requested for your account',
  },
  passwordChanged: {
    subject: 'Your password was changed – CSPA',
    preview: 'The password of your account was just changed.',
    heading: 'Your password was changed',
    intro: 'The password of your CSPA member portal account was just changed.',
    ifYou: 'If it was you, there is nothing to do.',
    signIn: 'Sign in',
    ifNotYou: 'If it was not you, choose a new password now, then write to us at {accountEmail}.',
    button: 'Choose a new password',
    reason: 'to let you know about an important change to your account',
  },
  emailChangeConfirm: {
    subject: 'Confirm your new email address – CSPA',
    preview: 'Confirm your new email address for the member portal.',
    heading: 'Confirm your new email address',
    intro: 'You asked for {newEmail} to become the email address of your CSPA member portal account.',
    button: 'Confirm this address',
    validity: {
      one: 'This link works only once, for {count} hour.',
      other: 'This link works only once, for {count} hours.',
    },
    untilConfirmed: 'Until then, we keep using your current address.',
    ignore: 'If you did not ask for it, you can ignore this email: nothing will change.',
    reason: 'because this address was given as the new email address of an account',
  },
  emailChangeNotice: {
    subject: 'Change of your email address – CSPA',
    preview: 'A new email address was requested for your account.',
    heading: 'Change of your email address',
    intro: 'We received a request to replace the email address of your CSPA member portal account with: {newEmail}',
    ifYou: 'If it was you, there is nothing to do.',
    ifNotYou: 'If it was not you, write to us right away at {contactEmail}: we will help you protect your account.',
    reason: 'because this is your account’s address',
  },
};

export const emailCopy: Record<'fr' | 'en', EmailCopy> = { fr, en };
