import { notFound } from 'next/navigation';

// Unknown paths under a locale get the localized 404 page rather than Next's bare one.
export default function CatchAllPage() {
  notFound();
}
