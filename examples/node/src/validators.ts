// class-validator decorators backed by sparrow-core: one implementation of the PAN,
// IFSC, mobile and amount rules for the backend, the ML service and the apps.
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator'
import { validatePan, validateIfsc, validateMobile, parseMoney } from 'sparrow-core'

/** The core's refusal of `value` (`code: message`, never the value), or null. */
function refusal(check: (value: string) => unknown, value: unknown, property: string): string | null {
  if (typeof value !== 'string') return `input_type: ${property}: expected a string`
  try {
    check(value)
    return null
  } catch (e) {
    const err = e as { code?: string; message?: string }
    return `${err.code}: ${err.message}`
  }
}

function fromCore(name: string, check: (value: string) => unknown) {
  return (options?: ValidationOptions) => (target: object, property: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: property,
      options,
      validator: {
        validate: (value: unknown) => refusal(check, value, property) === null,
        defaultMessage: (args: ValidationArguments) => refusal(check, args.value, property) ?? '',
      },
    })
}

export const IsPan = fromCore('isPan', validatePan)
export const IsIfsc = fromCore('isIfsc', validateIfsc)
export const IsMobile = fromCore('isMobile', validateMobile)
export const IsMoney = fromCore('isMoney', (v) => parseMoney(v))
