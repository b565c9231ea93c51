import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** `:id` of a lottery: `{projectId}.{n}`, the project's id and the lottery's number in it. */
export class LotteryIdPath {
  @ApiProperty({ example: 'hp-an-dong.1' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.[1-9]\d{0,5}$/, { message: '$property must be a lottery id such as "hp-an-dong.1"' })
  id!: string;
}
