import { forwardRef, type ComponentProps } from 'react';
import { useMembership, type MembershipRow, type UseMembershipOptions } from '../../hooks/use-membership';
import { useTranslate } from '../../hooks/use-translate';
import { classNames } from '../shared/class-names';
import { ErrorAlert } from '../shared/error-alert';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `MembershipCard`: the hook's options plus the root `<section>`'s own props. */
export interface MembershipCardProps extends UseMembershipOptions, Omit<ComponentProps<'section'>, 'children'> {}

/** A row's value: dates in words with the exact date beside them, everything else as text. */
function RowValue({ row }: { row: MembershipRow }) {
  if (!row.date) return <>{row.value}</>;
  return (
    <>
      <time dateTime={row.date.iso} title={row.date.dateTime}>
        {row.date.relative}
      </time>{' '}
      <span data-slot="ras-membership-card-exact-date">({row.date.date})</span>
    </>
  );
}

/**
 * The user's membership facts as a description list: user ID, registration date, annotation and
 * project counts, organization, role and owner, each shown only when the adapter knows it, with
 * numbers and dates in the provider's locale.
 *
 * @example
 * <MembershipCard className="settings-card" />
 */
export const MembershipCard = forwardRef<HTMLElement, MembershipCardProps>(function MembershipCard(
  { adapter, now, timeZone, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const membership = useMembership({ adapter, now, timeZone });
  const t = useTranslate();

  // Without getMembership there is nothing to show, so the card is left out (the hook warns once).
  if (!membership.isSupported) return null;

  const hasRows = membership.rows.length > 0;
  const state = membership.status === 'success' ? 'ready' : membership.status;
  const root = {
    'aria-label': t('membership.title'),
    'data-slot': 'ras-membership-card',
    'data-state': state,
    className: classNames('ras-membership-card', className),
    ...themeAttributes,
    ...rest,
  };

  // A retry while data is shown keeps the rows; only the first load shows the skeleton.
  if (membership.status === 'loading' && !hasRows) {
    return (
      <section aria-busy="true" {...root}>
        <p data-slot="ras-membership-card-loading">{t('membership.loading')}</p>
        <div data-slot="ras-skeleton" aria-hidden="true" />
      </section>
    );
  }

  if (membership.status === 'error') {
    return (
      <section {...root}>
        <ErrorAlert error={membership.error} t={t} onRetry={membership.retry} />
      </section>
    );
  }

  return (
    <section aria-busy={membership.status === 'loading' ? 'true' : undefined} {...root}>
      <dl data-slot="ras-membership-card-list">
        {membership.rows.map((row) => (
          <div key={row.key} data-slot="ras-membership-card-row" data-key={row.key}>
            <dt>{row.label}</dt>
            <dd>
              <RowValue row={row} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
});
MembershipCard.displayName = 'MembershipCard';
