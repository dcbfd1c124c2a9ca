/**
 * Session lifetimes. Idle: a session unused for 12 hours ends (a member's day at the drop zone).
 * Absolute: every session ends 7 days after sign-in, however active.
 */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
// Writing last_seen_at on every request would turn each page view into a write.
export const SESSION_TOUCH_INTERVAL_SECONDS = 5 * 60;
