import { ASSOCIATION_TIME_ZONE } from '@/lib/dates';
import type { OutboxSummary } from '@/lib/email/mailbox';

/** French, then the same words in English marked as such for screen readers. */
export function Bilingual({ fr, en }: { fr: string; en: string }) {
  return (
    <>
      {fr} · <span lang="en">{en}</span>
    </>
  );
}

const statusLabels: Record<OutboxSummary['status'], { fr: string; en: string }> = {
  pending: { fr: 'En attente', en: 'Pending' },
  sent: { fr: 'Envoyé', en: 'Sent' },
  failed: { fr: 'Échec', en: 'Failed' },
};

export function StatusLabel({ status }: { status: OutboxSummary['status'] }) {
  return <Bilingual {...statusLabels[status]} />;
}

const timeFormat = new Intl.DateTimeFormat('fr-CA', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: ASSOCIATION_TIME_ZONE,
});

export function Timestamp({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{timeFormat.format(value)}</time>;
}
