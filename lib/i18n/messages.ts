import type { Locale } from './routing';
import type frMessages from '@/messages/fr.json';

export type Messages = typeof frMessages;

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'fr'
    ? (await import('@/messages/fr.json')).default
    : (await import('@/messages/en.json')).default;
}

const CLIENT_NAMESPACES = ['Error'] as const satisfies readonly (keyof Messages)[];

/** The few namespaces client components translate themselves; the rest never leaves the server. */
export function pickClientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((name) => [name, messages[name]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
