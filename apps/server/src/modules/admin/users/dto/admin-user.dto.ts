import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, type DepartmentRef, type UserRole } from '@ssp/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DEPARTMENT_CODE } from '../../../departments/dto/department.dto';
import { IsOmittable, Trim } from '../../dto/field.decorators';
import { PageQueryDto } from '../../dto/page-query.dto';

/**
 * Lower-case only: MySQL compares usernames case-insensitively and SQLite does not, so mixed case
 * would let "Admin" and "admin" coexist on one engine and collide on the other.
 */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
/** Accounts this API creates; residents come from WeChat sign-in. */
const STAFF_ROLES = ['staff', 'admin'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];
const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

export class AdminUserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ example: 'CGJ' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE)
  departmentCode?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'staff.xuanwu2', pattern: USERNAME.source })
  @Matches(USERNAME, { message: 'username must be 3–64 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: '王小明（玄武区城管局）', maxLength: 64 })
  @Trim()
  @IsString()
  @Length(1, 64)
  nickname!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'CGJ-320102', description: 'Required for staff' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE)
  departmentCode?: string | null;

  @ApiProperty({ minLength: PASSWORD_LENGTH.min, maxLength: PASSWORD_LENGTH.max, description: 'Initial password; write-only' })
  @IsString()
  @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 64)
  nickname?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOmittable()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: no department (admins only)' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE)
  departmentCode?: string | null;

  @ApiPropertyOptional({ description: 'false: the account can no longer sign in; takes effect on its next request' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    minLength: PASSWORD_LENGTH.min,
    maxLength: PASSWORD_LENGTH.max,
    description: 'A new password (reset); write-only',
  })
  @IsOmittable()
  @IsString()
  @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max)
  password?: string;
}

class UserDepartmentDto implements DepartmentRef {
  @ApiProperty({ example: 'CGJ' })
  code!: string;

  @ApiProperty({ example: '南京市城市管理局' })
  name!: string;
}

/** An account as admins see it: never its password hash, never a resident's openid (personal data). */
export class AdminUserDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: USER_ROLES })
  role!: UserRole;

  @ApiProperty({ type: String, nullable: true, description: 'null for residents (WeChat sign-in)' })
  username!: string | null;

  @ApiProperty()
  nickname!: string;

  @ApiProperty({ type: UserDepartmentDto, nullable: true })
  department!: UserDepartmentDto | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  createdAt!: string;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] })
  items!: AdminUserDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
