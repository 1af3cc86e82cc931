import { runService } from '@shareforyou/kit';
import { startGateway } from './server';

runService('gateway', startGateway);
