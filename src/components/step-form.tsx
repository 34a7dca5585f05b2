import type { CompletionKind } from '../domain/clocks/clock-rules'
import type { CaseAction } from '../domain/workflow/transitions'
import { AcceptForm } from './accept-form'
import { AgreementForm } from './agreement-form'
import { formOf } from './case-actions'
import { OfferForm } from './offer-form'
import { RatingForm } from './rating-form'
import { ReturnVisitForm } from './return-visit-form'
import { SuspensionForm } from './suspension-form'
import type { StepFormProps } from './step-form-parts'
import { TextStepForm } from './text-step-form'
import { NotAcceptedForm } from './not-accepted-form'
import { TransferForm } from './transfer-form'
import './step-form.scss'

// The form a step opens before it is sent (see formOf): its own form for the merchant's answer,
// the rating, the return visit and accepting; a reason box or a second question for the rest.
interface Props extends StepFormProps {
  action: CaseAction
  /** the case's current type, preselected when accepting */
  completionKind: CompletionKind
}

export function StepForm({ action, completionKind, ...props }: Props) {
  switch (formOf(action)) {
    case 'offer':
      return <OfferForm {...props} />
    case 'rating':
      return <RatingForm {...props} />
    case 'returnVisit':
      return <ReturnVisitForm {...props} />
    case 'accept':
      return <AcceptForm current={completionKind} {...props} />
    case 'agreement':
      return <AgreementForm {...props} />
    case 'suspension':
      return <SuspensionForm {...props} />
    case 'notAccepted':
      return <NotAcceptedForm {...props} />
    case 'transfer':
      return <TransferForm {...props} />
    default:
      return <TextStepForm action={action} {...props} />
  }
}
