import { Card } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { PrintPageButton } from '../../components/ListTools.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { studioDocuments, type StudioDetail } from './api.ts';

const PUBLIC = new Set(['active', 'rectification', 'revoked', 'closed']);
const SERVING = new Set(['active', 'rectification']);

/** Links that open in a new tab: the agreement and plaque certificate (printable page and PDF), service cards, public pages. */
export function DocumentLinks({ studio }: { studio: StudioDetail }) {
  const { t, locale } = useI18n();
  // A paper form (print) also gets a button that prints it at once, not only a link to it.
  const links: Array<{ href: string; label: string; pdf?: boolean; print?: string; selfPrinting?: boolean }> = [];
  if (studio.contracts.length > 0) {
    links.push(
      {
        href: studioDocuments.contractHtml(studio.id, locale),
        label: t('studios.docs.contractHtml'),
        print: t('studios.docs.printContract'),
      },
      { href: studioDocuments.contractPdf(studio.id), label: t('studios.docs.contractPdf'), pdf: true },
    );
  }
  // A revoked or retired plaque's certificate is refused by the server, so it is not offered.
  const plaque = studio.plaques.at(-1);
  if (plaque && !plaque.retiredOn) {
    links.push(
      {
        href: studioDocuments.plaqueHtml(studio.id, locale),
        label: t('studios.docs.plaqueHtml'),
        print: t('studios.docs.printPlaque'),
      },
      { href: studioDocuments.plaquePdf(studio.id), label: t('studios.docs.plaquePdf'), pdf: true },
    );
  }
  if (SERVING.has(studio.status))
    links.push({ href: studioDocuments.cardsPdf(studio.id), label: t('studios.docs.cardsPdf'), pdf: true });
  if (PUBLIC.has(studio.status)) links.push({ href: `/s/${studio.id}`, label: t('studios.docs.publicPage') });
  if (SERVING.has(studio.status))
    links.push({
      href: `/board/${studio.unitId}`,
      label: t('studios.docs.board'),
      print: t('studios.docs.printBoard'),
      selfPrinting: true,
    });
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
            {l.print && (
              <>
                {' '}
                <PrintPageButton href={l.href} label={l.print} selfPrinting={l.selfPrinting} />
              </>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
