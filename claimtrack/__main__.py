from claimtrack.cli import main

raise SystemExit(main())
