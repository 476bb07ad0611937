import { Card } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../lib/i18n/react.tsx';
import { studioDocuments, type StudioDetail } from './api.ts';

const PUBLIC = new Set(['active', 'rectification', 'revoked', 'closed']);
const SERVING = new Set(['active', 'rectification']);

/** Links that open in a new tab: the agreement and plaque certificate (printable page and PDF), service cards, public pages. */
export function DocumentLinks({ studio }: { studio: StudioDetail }) {
  const { t, locale } = useI18n();
  const links: Array<{ href: string; label: string; pdf?: boolean }> = [];
  if (studio.contracts.length > 0) {
    links.push(
      { href: studioDocuments.contractHtml(studio.id, locale), label: t('studios.docs.contractHtml') },
      { href: studioDocuments.contractPdf(studio.id), label: t('studios.docs.contractPdf'), pdf: true },
    );
  }
  // A revoked or retired plaque's certificate is refused by the server, so it is not offered.
  const plaque = studio.plaques.at(-1);
  if (plaque && !plaque.retiredOn) {
    links.push(
      { href: studioDocuments.plaqueHtml(studio.id, locale), label: t('studios.docs.plaqueHtml') },
      { href: studioDocuments.plaquePdf(studio.id), label: t('studios.docs.plaquePdf'), pdf: true },
    );
  }
  if (SERVING.has(studio.status))
    links.push({ href: studioDocuments.cardsPdf(studio.id), label: t('studios.docs.cardsPdf'), pdf: true });
  if (PUBLIC.has(studio.status)) links.push({ href: `/s/${studio.id}`, label: t('studios.docs.publicPage') });
  if (SERVING.has(studio.status)) links.push({ href: `/board/${studio.unitId}`, label: t('studios.docs.board') });
  if (links.length === 0) return null;
  return (
    <Card
      size="small"
      title={<h2 className="hm-card-title">{t('studios.docs.heading')}</h2>}
      className="hm-studio-card"
    >
      <ul className="hm-doc-links" data-testid="studio-documents">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} target="_blank" rel="noopener">
              {l.pdf ? <FilePdfOutlined aria-hidden /> : <PrinterOutlined aria-hidden />} {l.label}
              <span className="hm-visually-hidden">{t('studios.docs.newTab')}</span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
