import type { EnumValue } from '@gongjian/schema';
import { enumOptions, fill, useLocale, useWords } from '@gongjian/ui';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { householdFormWords } from './formWords.ts';

export interface MemberFormValues {
  name: string;
  idNumber: string;
  relation: EnumValue<'RelationToHead'>;
  education: EnumValue<'EducationLevel'>;
  health: EnumValue<'HealthCondition'>;
  disability: EnumValue<'DisabilityGrade'>;
  labourCapacity: EnumValue<'LabourCapacity'>;
  schoolEnrolment: EnumValue<'SchoolEnrolment'>;
  medicalInsured: boolean;
}

export const memberFormFields = [
  'name',
  'idNumber',
  'relation',
  'education',
  'health',
  'disability',
  'labourCapacity',
  'schoolEnrolment',
  'medicalInsured',
] as const;

export const newMemberValues: Partial<MemberFormValues> = {
  disability: 'NONE',
  schoolEnrolment: 'NOT_ENROLLED',
  medicalInsured: true,
};

/** The member as the API takes it; an empty ID number (when editing) keeps the registered one. */
export function memberInputOf(values: MemberFormValues) {
  const idNumber = values.idNumber?.trim().toUpperCase() ?? '';
  return { ...values, name: values.name.trim(), idNumber };
}

/**
 * A member's fields. `keepIdNumber` (editing) makes the ID number optional, showing the masked one it keeps;
 * `head` fixes the relation to 户主.
 */
export function MemberFields({ keepIdNumber, head }: { keepIdNumber?: string; head?: boolean }) {
  const words = useWords(householdFormWords);
  const { locale } = useLocale();
  const relations = enumOptions('RelationToHead', locale);
  return (
    <Row gutter={12}>
      <Col span={12}>
        <RequiredItem label={words.fieldName} name="name" whitespace>
          <Input maxLength={40} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <RequiredItem label={words.fieldRelation} name="relation">
          <Select disabled={head} options={head ? relations.filter((o) => o.value === 'HEAD') : relations} />
        </RequiredItem>
      </Col>
      <Col span={24}>
        {keepIdNumber === undefined ? (
          <RequiredItem label={words.fieldIdNumber} name="idNumber" whitespace extra={words.idNumberHint}>
            <Input maxLength={18} autoComplete="off" />
          </RequiredItem>
        ) : (
          <Form.Item
            label={words.fieldIdNumber}
            name="idNumber"
            extra={fill(words.idNumberKeepHint, { masked: keepIdNumber })}
          >
            <Input maxLength={18} autoComplete="off" placeholder={keepIdNumber} />
          </Form.Item>
        )}
      </Col>
      <Col span={12}>
        <RequiredItem label={words.fieldEducation} name="education">
          <Select options={enumOptions('EducationLevel', locale)} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <RequiredItem label={words.fieldLabour} name="labourCapacity">
          <Select options={enumOptions('LabourCapacity', locale)} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <RequiredItem label={words.fieldHealth} name="health">
          <Select options={enumOptions('HealthCondition', locale)} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <RequiredItem label={words.fieldDisability} name="disability">
          <Select options={enumOptions('DisabilityGrade', locale)} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <RequiredItem label={words.fieldSchool} name="schoolEnrolment">
          <Select options={enumOptions('SchoolEnrolment', locale)} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <Form.Item label={words.fieldInsured} name="medicalInsured" valuePropName="checked">
          <Switch checkedChildren={words.yes} unCheckedChildren={words.no} />
        </Form.Item>
      </Col>
    </Row>
  );
}
