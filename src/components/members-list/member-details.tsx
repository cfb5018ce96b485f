import { forwardRef, useId, type ComponentProps } from 'react';
import type { ProjectRef } from '../../adapters/types';
import { initialsOf } from '../../core/format/initials';
import { useMember, type UseMemberOptions } from '../../hooks/use-member';
import { useTranslate, type Translate } from '../../hooks/use-translate';
import { classNames } from '../shared/class-names';
import { ErrorAlert } from '../shared/error-alert';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `MemberDetails`: which member, the hook's options, and the root `<section>`'s own props. */
export interface MemberDetailsProps extends UseMemberOptions, Omit<ComponentProps<'section'>, 'children'> {
  /** The member to show, by user id. */
  memberId: string;
  /** The heading level of the member's name, to fit the host page's outline. @default 3 */
  headingLevel?: 2 | 3 | 4;
}

function ProjectList({ projects, t }: { projects: ProjectRef[]; t: Translate }) {
  if (projects.length === 0) return <>{t('member.noProjects')}</>;
  return (
    <ul data-slot="ras-member-details-projects">
      {projects.map((project) => (
        <li key={project.id}>{project.title}</li>
      ))}
    </ul>
  );
}

/**
 * One member of the organization: photo, name, email, phone as a `tel:` link, the projects they
 * created and contributed to, and their last activity with its exact date.
 *
 * @example
 * <MemberDetails memberId="42" />
 */
export const MemberDetails = forwardRef<HTMLElement, MemberDetailsProps>(function MemberDetails(
  { memberId, adapter, now, timeZone, headingLevel = 3, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const details = useMember(memberId, { adapter, now, timeZone });
  const t = useTranslate();
  const headingId = useId();
  if (!details.isSupported) return null;

  const { member } = details;
  const Heading = `h${headingLevel}` as const;
  const root = {
    'aria-label': t('member.title'),
    'data-slot': 'ras-member-details',
    'data-state': details.status === 'success' ? 'ready' : details.status,
    className: classNames('ras-member-details', className),
    ...themeAttributes,
    ...rest,
  };

  if (details.status === 'error') {
    return (
      <section {...root}>
        <ErrorAlert error={details.error} t={t} onRetry={details.retry} />
      </section>
    );
  }
  if (!member) {
    return (
      <section aria-busy="true" {...root}>
        <p data-slot="ras-member-details-loading">{t('member.loading')}</p>
        <div data-slot="ras-skeleton" aria-hidden="true" />
      </section>
    );
  }

  const displayName = details.name || member.email;
  const phone = member.phone.trim();
  // Once loaded, the member's name names the section (inside the dialog, its title already says
  // "Member details"), unless the host named it.
  const hostNamed = rest['aria-label'] !== undefined || rest['aria-labelledby'] !== undefined;
  const naming = hostNamed ? {} : { 'aria-label': undefined, 'aria-labelledby': headingId };
  return (
    <section {...root} {...naming}>
      <div data-slot="ras-member-details-header">
        {member.avatarUrl ? (
          <img
            data-slot="ras-member-details-photo"
            src={member.avatarUrl}
            alt={t('member.photoAlt', { name: displayName })}
          />
        ) : (
          <span
            data-slot="ras-member-details-photo"
            data-initials=""
            role="img"
            aria-label={t('avatar.initialsLabel', { name: displayName })}
          >
            {initialsOf(member)}
          </span>
        )}
        <Heading id={headingId} data-slot="ras-member-details-name">
          {displayName}
        </Heading>
      </div>
      <dl data-slot="ras-member-details-list">
        <div>
          <dt>{t('member.email')}</dt>
          <dd>
            <a href={`mailto:${member.email}`}>{member.email}</a>
          </dd>
        </div>
        <div>
          <dt>{t('member.phone')}</dt>
          <dd>
            {/* tel: links take digits and + only; the text stays as the member wrote it. */}
            {phone ? <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a> : t('member.noPhone')}
          </dd>
        </div>
        <div>
          <dt>{t('member.createdProjects')}</dt>
          <dd>
            <ProjectList projects={member.createdProjects} t={t} />
          </dd>
        </div>
        <div>
          <dt>{t('member.contributedProjects')}</dt>
          <dd>
            <ProjectList projects={member.contributedProjects} t={t} />
          </dd>
        </div>
        <div>
          <dt>{t('member.lastActivity')}</dt>
          <dd>
            {details.activity ? (
              <time dateTime={details.activity.iso} title={details.activity.relative}>
                {details.activity.exact}
              </time>
            ) : (
              t('member.noActivity')
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
});
MemberDetails.displayName = 'MemberDetails';
