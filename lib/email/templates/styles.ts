import type { CSSProperties } from 'react';

// Email clients ignore stylesheets unevenly, so styles are inline objects; colours match app/globals.css.
const brand = '#1d4f91';
const ink = '#0f172a';
const muted = '#475569';

export const styles = {
  body: { backgroundColor: '#f8fafc', margin: 0, padding: '24px 0', fontFamily: 'Arial, Helvetica, sans-serif', color: ink },
  container: { backgroundColor: '#ffffff', maxWidth: '560px', margin: '0 auto', padding: '32px 28px', borderRadius: '6px', border: '1px solid #e2e8f0' },
  association: { fontSize: '14px', fontWeight: 700, color: brand, margin: '0 0 24px' },
  heading: { fontSize: '22px', lineHeight: '28px', color: ink, margin: '0 0 16px' },
  text: { fontSize: '16px', lineHeight: '24px', color: ink, margin: '0 0 16px' },
  strong: { fontSize: '18px', lineHeight: '26px', fontWeight: 700, color: ink, margin: '0 0 16px' },
  button: { backgroundColor: brand, color: '#ffffff', fontSize: '16px', fontWeight: 700, padding: '12px 20px', borderRadius: '6px', textDecoration: 'none', display: 'inline-block' },
  buttonRow: { margin: '8px 0 24px' },
  small: { fontSize: '13px', lineHeight: '20px', color: muted, margin: '0 0 8px' },
  url: { fontSize: '13px', lineHeight: '20px', color: brand, textDecoration: 'underline', wordBreak: 'break-all' },
  link: { color: brand, textDecoration: 'underline' },
  rule: { borderColor: '#e2e8f0', margin: '24px 0 16px' },
} satisfies Record<string, CSSProperties>;
