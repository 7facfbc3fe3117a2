import { graphql } from '@gongjian/schema';
import { EmptyState, enumLabel, FullPageSpin, QueryErrorAlert, useLocale, useWords } from '@gongjian/ui';
import { Button, Collapse, Descriptions, Drawer, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { RuleReasons, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { applicationStateColours, householdStatusColours } from '../../shared/tagColours.ts';
import {
  ApplicationProcedure,
  ApplicationProcedure_application,
} from '../applications/ApplicationProcedure.tsx';
import { StartApplicationModal } from '../applications/StartApplicationModal.tsx';
import { AssessmentPanel } from './AssessmentPanel.tsx';
import { householdFormWords } from './formWords.ts';
import { GuaranteeFormDrawer_guarantee } from './GuaranteeFormDrawer.tsx';
import { AddButton, type Editing, HouseholdEditing } from './HouseholdEditing.tsx';
import { HouseholdFormDrawer_household } from './HouseholdFormDrawer.tsx';
import { IncomeFormDrawer_income } from './IncomeFormDrawer.tsx';
import { MeasureFormDrawer_measure } from './MeasureFormDrawer.tsx';
import { MemberFormDrawer_member } from './MemberFormDrawer.tsx';
import { MembersTable, MembersTable_member } from './MembersTable.tsx';
import { householdWords } from './words.ts';
import {
  GuaranteesTable,
  GuaranteesTable_guarantee,
  IncomesTable,
  IncomesTable_income,
  MeasuresTable,
  MeasuresTable_measure,
} from './YearTables.tsx';

const HouseholdQuery = graphql.persisted(
  'admin/AdminHousehold',
  graphql(
    `
    query AdminHousehold($id: ID!) {
      me {
        id
        mayUnmask
      }
      household(id: $id) {
        id
        householdNumber
        groupName
        address
        phone
        attribute
        mainCause
        status
        identifiedYear
        exitedYear
        monitored
        availableApplicationKinds
        viewerCanStartApplication
        viewerCanEdit
        ...HouseholdFormDrawer_household
        riskEliminationAllowed
        village {
          id
          name
          parent {
            id
            name
          }
        }
        head {
          id
          name
        }
        helper {
          name
          post
          unitName
          phone
        }
        members {
          id
          name
          version
          labourCapacity
          ...MembersTable_member
          ...MemberFormDrawer_member
        }
        incomes {
          id
          year
          ...IncomesTable_income
          ...IncomeFormDrawer_income
        }
        guarantees {
          id
          year
          ...GuaranteesTable_guarantee
          ...GuaranteeFormDrawer_guarantee
        }
        measures {
          id
          ...MeasuresTable_measure
          ...MeasureFormDrawer_measure
        }
        applications {
          id
          kind
          state
          startedOn
          ...ApplicationProcedure_application
        }
        exclusionFindings {
          id
          ruleLabel
          state
          screenedOn
          explanation {
            ...RuleReasons_reason
          }
        }
        monitoringObjects {
          id
          type
          state
          year
          responsibleCadreName
        }
      }
    }
  `,
    [
      HouseholdFormDrawer_household,
      MembersTable_member,
      MemberFormDrawer_member,
      IncomesTable_income,
      IncomeFormDrawer_income,
      GuaranteesTable_guarantee,
      GuaranteeFormDrawer_guarantee,
      MeasuresTable_measure,
      MeasureFormDrawer_measure,
      ApplicationProcedure_application,
      RuleReasons_reason,
    ],
  ),
);

export interface HouseholdDrawerProps {
  householdId: string;
  onClose: () => void;
}

/** Everything about one household: members, income, guarantees, measures, status history and the rules. */
export function HouseholdDrawer({ householdId, onClose }: HouseholdDrawerProps) {
  const words = useWords(householdWords);
  const formWords = useWords(householdFormWords);
  const { locale } = useLocale();
  const [starting, setStarting] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: HouseholdQuery,
    variables: { id: householdId },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const household = data?.household;
  const incomeYears = new Set(household?.incomes?.map((income) => income.year) ?? []);
  const factYears = (household?.guarantees ?? []).map((g) => g.year).filter((year) => incomeYears.has(year));
  const openApplication = household?.applications.some((a) => a.state === 'IN_PROGRESS') ?? false;
  const mayStart = (household?.viewerCanStartApplication ?? false) && !openApplication;
  const noLabour = household ? !household.riskEliminationAllowed : false;
  const mayEdit = household?.viewerCanEdit ?? false;
  const edit = (record: 'member' | 'income' | 'guarantee' | 'measure') =>
    mayEdit ? (id: string | null) => setEditing({ record, id }) : undefined;

  return (
    <Drawer
      open
      width={1180}
      onClose={onClose}
      destroyOnHidden
      title={
        household ? (
          <Space>
            <span data-testid="household-title">
              {household.head?.name ?? words.noHead} · {household.householdNumber}
            </span>
            <Tag color={householdStatusColours[household.status]} data-testid="drawer-household-status">
              {enumLabel('HouseholdStatus', household.status, locale)}
            </Tag>
            {household.monitored && <Tag color="orange">{words.monitoredTag}</Tag>}
          </Space>
        ) : (
          words.householdDetail
        )
      }
      extra={
        <Space>
          {mayEdit && (
            <Button onClick={() => setEditing({ record: 'household' })} data-testid="edit-household">
              {formWords.editHousehold}
            </Button>
          )}
          {mayStart && (
            <Button type="primary" onClick={() => setStarting(true)} data-testid="start-application">
              {words.startApplication}
            </Button>
          )}
        </Space>
      }
    >
      {error && <QueryErrorAlert error={error} onRetry={refresh} />}
      {fetching && !household && <FullPageSpin />}
      {data && !household && <EmptyState description={words.householdNotFound} />}
      {household && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={words.columnVillage}>
              {household.village.parent?.name} · {household.village.name} · {household.groupName}
            </Descriptions.Item>
            <Descriptions.Item label={words.address}>{household.address || '—'}</Descriptions.Item>
            <Descriptions.Item label={words.phone}>{household.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={words.columnAttribute}>
              {enumLabel('HouseholdAttribute', household.attribute, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={words.columnCause}>
              {enumLabel('PovertyCause', household.mainCause, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={words.years}>
              {household.identifiedYear ?? '—'} / {household.exitedYear ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={words.helper}>
              <span data-testid="household-helper">
                {household.helper
                  ? `${household.helper.name}（${household.helper.post} · ${household.helper.unitName}）${household.helper.phone ? ` ${household.helper.phone}` : ''}`
                  : '—'}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {noLabour && <Typography.Paragraph type="warning">{words.noLabourHousehold}</Typography.Paragraph>}
          <Tabs
            items={[
              {
                key: 'members',
                label: `${words.tabMembers} (${household.members.length})`,
                children: (
                  <>
                    <AddButton
                      show={mayEdit}
                      label="addMember"
                      onClick={() => edit('member')?.(null)}
                      testId="add-member"
                    />
                    <MembersTable
                      members={household.members}
                      mayUnmask={data?.me?.mayUnmask ?? false}
                      onEdit={edit('member')}
                      onRemove={mayEdit ? (id) => setEditing({ record: 'removeMember', id }) : undefined}
                    />
                  </>
                ),
              },
              {
                key: 'incomes',
                label: words.tabIncomes,
                children: (
                  <>
                    <AddButton
                      show={mayEdit}
                      label="recordIncome"
                      onClick={() => edit('income')?.(null)}
                      testId="add-income"
                    />
                    <IncomesTable incomes={household.incomes ?? null} onEdit={edit('income')} />
                  </>
                ),
              },
              {
                key: 'guarantees',
                label: words.tabGuarantees,
                children: (
                  <>
                    <AddButton
                      show={mayEdit}
                      label="recordGuarantee"
                      onClick={() => edit('guarantee')?.(null)}
                      testId="add-guarantee"
                    />
                    <GuaranteesTable guarantees={household.guarantees} onEdit={edit('guarantee')} />
                  </>
                ),
              },
              {
                key: 'measures',
                label: `${words.tabMeasures} (${household.measures.length})`,
                children: (
                  <>
                    <AddButton
                      show={mayEdit}
                      label="addMeasure"
                      onClick={() => edit('measure')?.(null)}
                      testId="add-measure"
                    />
                    <MeasuresTable measures={household.measures} onEdit={edit('measure')} />
                    {household.monitoringObjects.map((object) => (
                      <Typography.Paragraph key={object.id} style={{ marginTop: 8 }}>
                        {words.monitoring}：{enumLabel('MonitoringType', object.type, locale)} ·{' '}
                        {enumLabel('MonitoringState', object.state, locale)} · {words.helper}{' '}
                        {object.responsibleCadreName}
                      </Typography.Paragraph>
                    ))}
                  </>
                ),
              },
              {
                key: 'history',
                label: `${words.tabHistory} (${household.applications.length})`,
                children:
                  household.applications.length === 0 ? (
                    <EmptyState description={words.noApplications} />
                  ) : (
                    <Collapse
                      data-testid="status-history"
                      defaultActiveKey={household.applications[0]?.id}
                      items={household.applications.map((application) => ({
                        key: application.id,
                        label: (
                          <Space>
                            {application.startedOn}
                            {enumLabel('ApplicationKind', application.kind, locale)}
                            <Tag color={applicationStateColours[application.state]}>
                              {enumLabel('ApplicationState', application.state, locale)}
                            </Tag>
                          </Space>
                        ),
                        children: <ApplicationProcedure application={application} onChanged={refresh} />,
                      }))}
                    />
                  ),
              },
              {
                key: 'rules',
                label: words.tabRules,
                children: (
                  <>
                    <AssessmentPanel householdId={household.id} years={factYears} />
                    {household.exclusionFindings.length > 0 && (
                      <>
                        <Typography.Title level={5}>{words.exclusionFindings}</Typography.Title>
                        {household.exclusionFindings.map((finding) => (
                          <div key={finding.id}>
                            <Typography.Text strong>
                              {finding.ruleLabel} · {enumLabel('FindingState', finding.state, locale)} ·{' '}
                              {finding.screenedOn}
                            </Typography.Text>
                            <RuleReasons reasons={[finding.explanation]} />
                          </div>
                        ))}
                      </>
                    )}
                  </>
                ),
              },
            ]}
          />
          <HouseholdEditing
            editing={editing}
            household={{
              id: household.id,
              household,
              members: household.members.map((member) => ({ ...member, form: member })),
              incomes: (household.incomes ?? []).map((income) => ({ id: income.id, form: income })),
              guarantees: household.guarantees.map((check) => ({ id: check.id, form: check })),
              measures: household.measures.map((measure) => ({ id: measure.id, form: measure })),
            }}
            onClose={() => setEditing(null)}
            onSaved={refresh}
          />
          {starting && (
            <StartApplicationModal
              household={{
                id: household.id,
                householdNumber: household.householdNumber,
                headName: household.head?.name ?? '',
              }}
              kinds={household.availableApplicationKinds}
              years={factYears}
              onStarted={refresh}
              onClose={() => setStarting(false)}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
