import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

// A size past 2^53 - 1 is no tree's (and would reach PostgreSQL's bigint out of range): refused as a bad request.
export class TreeSizePath {
  @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) treeSize!: number;
}

export class InclusionProofQuery {
  @IsUUID() eventId!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) treeSize!: number;
}

export class ConsistencyProofQuery {
  @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) from!: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) to!: number;
}

export class CosignatureRequest {
  @ApiProperty({ example: '0123456789abcdef', description: 'The witness key: hex of the first 8 bytes of SHA-256 over its raw Ed25519 public key' })
  @IsString() @Matches(/^[0-9a-f]{16}$/, { message: 'keyId: 16 hex digits (the first 8 bytes of SHA-256 of the raw public key)' }) keyId!: string;
  @ApiProperty({ description: 'Base64 Ed25519 signature over the checkpoint note' })
  @IsString() @Matches(/^[A-Za-z0-9+/]{86}==$/, { message: 'signature: a base64 Ed25519 signature' }) signature!: string;
}
