import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend-10.6.1.min.css';
import './viewer.css';
import '../panels/index';
import './viewerApp';
