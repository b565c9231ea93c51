import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Min } from 'class-validator';

export class TreeSizePath {
  @Type(() => Number) @IsInt() @Min(1) treeSize!: number;
}

export class InclusionProofQuery {
  @IsUUID() eventId!: string;
  @Type(() => Number) @IsInt() @Min(1) treeSize!: number;
}

export class ConsistencyProofQuery {
  @Type(() => Number) @IsInt() @Min(1) from!: number;
  @Type(() => Number) @IsInt() @Min(1) to!: number;
}

export class CosignatureRequest {
  @ApiProperty({ example: '0123456789abcdef', description: 'The witness key: hex of the first 8 bytes of SHA-256 over its raw Ed25519 public key' })
  @IsString() @Matches(/^[0-9a-f]{16}$/, { message: 'keyId: 16 hex digits (the first 8 bytes of SHA-256 of the raw public key)' }) keyId!: string;
  @ApiProperty({ description: 'Base64 Ed25519 signature over the checkpoint note' })
  @IsString() @Matches(/^[A-Za-z0-9+/]{86}==$/, { message: 'signature: a base64 Ed25519 signature' }) signature!: string;
}
